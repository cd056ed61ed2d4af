namespace OrleansShop.Api.Protocol.Tests.Support;

/// <summary>Tests that time the server's answers run alone, after the others: on two cores a parallel test's load would be in the timing.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedCollection
{
    public const string Name = "Timed";
}
