using Orleans;

namespace OrleansShop.Grains;

[GenerateSerializer, Alias("shop.UniqueIndexState")]
internal sealed class UniqueIndexState
{
    [Id(0)]
    public string? OwnerId { get; set; }
}
