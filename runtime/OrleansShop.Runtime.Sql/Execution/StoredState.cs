namespace OrleansShop.Runtime.Sql.Execution;

/// <summary>A state row as read: its JSON payload (null once cleared) and its version.</summary>
internal readonly record struct StoredState(string? Payload, long Version);
