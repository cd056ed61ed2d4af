using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

[GenerateSerializer, Alias("shop.CustomerOrdersState")]
internal sealed class CustomerOrdersState
{
    /// <summary>Newest first.</summary>
    [Id(0)]
    public List<OrderSummary> Orders { get; set; } = [];
}
