using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

internal sealed class CustomerOrdersState
{
    /// <summary>Newest first.</summary>
    public List<OrderSummary> Orders { get; set; } = [];
}
