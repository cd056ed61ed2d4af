using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

internal sealed class CartState
{
    public List<CartItem> Lines { get; set; } = [];

    /// <summary>The currency of the lines' prices; a cart never mixes currencies. Null while empty.</summary>
    public string? Currency { get; set; }

    /// <summary>Guest carts whose lines were merged in: merging one again adds nothing.</summary>
    public HashSet<string> MergedFrom { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Set once this cart handed its lines over to another one; it takes no more changes.</summary>
    public string? HandedOverTo { get; set; }

    /// <summary>The lines handed over, kept so that the target's retry receives exactly the same ones.</summary>
    public List<CartItem> HandedOver { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}
