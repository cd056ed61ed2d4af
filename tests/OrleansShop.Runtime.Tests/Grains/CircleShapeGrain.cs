using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public sealed class CircleShapeGrain : Grain, IShapeGrain
{
    public Task<string> NameAsync() => Task.FromResult("circle");
}
