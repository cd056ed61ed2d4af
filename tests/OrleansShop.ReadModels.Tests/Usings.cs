global using Xunit;

[assembly: AssemblyFixture(typeof(OrleansShop.Testing.PostgresServerFixture))]
