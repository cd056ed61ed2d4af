namespace OrleansShop.Providers.AdoNet.Tests.Grains;

/// <summary>What a profile grain's storage holds as the grain sees it.</summary>
[GenerateSerializer]
public sealed record ProfileSnapshot(string? Name, string? ETag, bool RecordExists);
