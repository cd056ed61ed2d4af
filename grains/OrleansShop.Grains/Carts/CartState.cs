using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

[GenerateSerializer, Alias("shop.CartState")]
internal sealed class CartState
{
    [Id(0)]
    public List<CartItem> Lines { get; set; } = [];

    /// <summary>The currency of the lines' prices; a cart never mixes currencies. Null while empty.</summary>
    [Id(1)]
    public string? Currency { get; set; }

    /// <summary>Guest carts whose lines were merged in: merging one again adds nothing.</summary>
    [Id(2)]
    public HashSet<string> MergedFrom { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Set once this cart handed its lines over to another one; it takes no more changes.</summary>
    [Id(3)]
    public string? HandedOverTo { get; set; }

    /// <summary>The lines handed over, kept so that the target's retry receives exactly the same ones.</summary>
    [Id(4)]
    public List<CartItem> HandedOver { get; set; } = [];

    [Id(5)]
    public DateTimeOffset UpdatedAt { get; set; }
}
