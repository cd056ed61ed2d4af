namespace OrleansShop.Grains;

/// <summary>Cart limits (configuration section OrleansShop:Cart).</summary>
public sealed class CartOptions
{
    public int MaxQuantityPerLine { get; set; } = 99;

    public int MaxLines { get; set; } = 100;

    /// <summary>The currency an empty cart's subtotal is shown in.</summary>
    public string DefaultCurrency { get; set; } = "USD";
}
