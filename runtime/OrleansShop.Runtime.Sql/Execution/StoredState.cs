namespace OrleansShop.Runtime.Sql.Execution;

/// <summary>
/// A state row as read: its version and its JSON payload (none once cleared), as the UTF-8 bytes where the driver
/// hands them over without decoding (SQLite), else as text.
/// </summary>
internal readonly record struct StoredState(string? Payload, byte[]? Utf8Payload, long Version)
{
    public bool HasPayload => Payload is not null || Utf8Payload is not null;
}
