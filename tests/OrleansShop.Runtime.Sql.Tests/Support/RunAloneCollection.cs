namespace OrleansShop.Runtime.Sql.Tests.Support;

/// <summary>Tests that observe process-wide measurements: xunit runs this collection after the others, by itself.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunAloneCollection
{
    public const string Name = "Run alone";
}
