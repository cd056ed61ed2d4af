using Orleans;

namespace OrleansShop.Grains;

[GenerateSerializer, Alias("shop.OrderNumberState")]
internal sealed class OrderNumberState
{
    [Id(0)]
    public long Last { get; set; }
}
