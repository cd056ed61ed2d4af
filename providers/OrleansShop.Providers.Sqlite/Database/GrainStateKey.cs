namespace OrleansShop.Providers.Sqlite.Database;

/// <summary>The primary key of one grain state row.</summary>
internal readonly record struct GrainStateKey(string ServiceId, string GrainType, string GrainId, string StateName);
