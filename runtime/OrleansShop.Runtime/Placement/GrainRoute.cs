namespace OrleansShop.Runtime.Placement;

/// <summary>Where a call to a grain id goes in a cluster.</summary>
internal enum GrainRoute
{
    /// <summary>To this silo's activation (the ring names this silo, or the grain is a stateless worker).</summary>
    Local,

    /// <summary>To the silo the consistent-hash ring names.</summary>
    Remote,

    /// <summary>To the silo the grain directory names, or one its placement director picks.</summary>
    Directory,
}
