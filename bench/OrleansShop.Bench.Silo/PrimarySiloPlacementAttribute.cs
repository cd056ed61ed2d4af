using Orleans.Placement;

namespace OrleansShop.Bench.Silo;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PrimarySiloPlacementAttribute() : PlacementAttribute(PrimarySiloPlacement.Instance);
