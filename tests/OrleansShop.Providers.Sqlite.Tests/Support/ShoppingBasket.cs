namespace OrleansShop.Providers.Sqlite.Tests.Support;

/// <summary>
/// PreviousStates' CartState after a refactoring renamed and moved the class and its properties; the alias and
/// field ids stay.
/// </summary>
[GenerateSerializer, Alias("tests.cart")]
public sealed class ShoppingBasket
{
    [Id(0)]
    public List<string> Items { get; set; } = [];

    [Id(1)]
    public decimal Amount { get; set; }
}
