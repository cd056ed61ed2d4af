namespace OrleansShop.Providers.Sqlite.Database;

/// <summary>A grain state row as read: its payload (null once cleared) and its version.</summary>
internal readonly record struct StoredGrainState(byte[]? Payload, long Version);
