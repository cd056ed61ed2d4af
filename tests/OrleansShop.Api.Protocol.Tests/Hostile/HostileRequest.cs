namespace OrleansShop.Api.Protocol.Tests.Hostile;

/// <summary>
/// A request built to make a server work hard: its body, and for a valid one the <c>data</c> a server that runs it instead of
/// refusing it must answer (null when the request must be refused).
/// </summary>
internal sealed record HostileRequest(byte[] Body, string? DataIfAnswered = null);
