namespace OrleansShop.Providers.AdoNet;

/// <summary>One numbered migration script: <c>0002_persistence.sql</c> is version 2, named "persistence".</summary>
internal sealed record SchemaScript(int Version, string Name, string Sql);
