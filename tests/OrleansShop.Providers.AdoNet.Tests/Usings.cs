global using Xunit;
global using OrleansShop.Testing;

[assembly: AssemblyFixture(typeof(OrleansShop.Testing.PostgresServerFixture))]
