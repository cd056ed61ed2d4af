namespace OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>Browser tests run one at a time: two Chromiums at once on a 2-core machine make both slow enough to flake.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
