namespace OrleansShop.Runtime.Configuration;

/// <summary>Identity and limits of this silo.</summary>
public sealed class SiloOptions
{
    public string SiloName { get; set; } = Environment.MachineName;

    /// <summary>Longest string key accepted by <see cref="IGrainFactory"/> (storage providers index keys up to this size).</summary>
    public int MaxKeyLength { get; set; } = 512;
}
