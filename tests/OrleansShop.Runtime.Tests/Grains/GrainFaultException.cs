using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public sealed class GrainFaultException : Exception
{
    public GrainFaultException()
    {
    }

    public GrainFaultException(string message)
        : base(message)
    {
    }

    public GrainFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
