namespace OrleansShop.Runtime.Streams;

/// <summary>Lists the registered providers (they are keyed services), so the silo can start and stop each.</summary>
internal sealed record StreamProviderName(string Name);
