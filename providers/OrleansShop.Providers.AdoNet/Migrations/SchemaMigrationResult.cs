namespace OrleansShop.Providers.AdoNet;

/// <summary>What a migration run found and did.</summary>
/// <param name="CurrentVersion">The database's schema version after the run (the highest script applied).</param>
/// <param name="AppliedVersions">The versions this run applied, in order; empty when another migrator (or an
/// earlier run) had already applied them.</param>
public sealed record SchemaMigrationResult(int CurrentVersion, IReadOnlyList<int> AppliedVersions);
