namespace OrleansShop.Grains;

internal sealed class OrderNumberState
{
    public long Last { get; set; }
}
