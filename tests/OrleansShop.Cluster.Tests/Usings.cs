global using Xunit;

[assembly: AssemblyFixture(typeof(OrleansShop.Testing.PostgresServerFixture))]

// Each test runs three API processes and a load against them: on a 2-core machine, one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
