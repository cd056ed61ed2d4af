namespace OrleansShop.Providers.Sqlite.Tests.PreviousStates;

/// <summary>A state class as first shipped; the test project's ShoppingBasket is the same state after a rename.</summary>
[GenerateSerializer, Alias("tests.cart")]
public sealed class CartState
{
    [Id(0)]
    public List<string> Lines { get; set; } = [];

    [Id(1)]
    public decimal Total { get; set; }
}
