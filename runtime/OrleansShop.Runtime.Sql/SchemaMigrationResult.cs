namespace OrleansShop.Runtime.Sql;

/// <summary>What a migration found and did: the schema version before and after, and the scripts it applied.</summary>
public sealed record SchemaMigrationResult(int PreviousVersion, int CurrentVersion, IReadOnlyList<int> AppliedVersions);
