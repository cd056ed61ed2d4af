namespace OrleansShop.Runtime.Sql.Tests.Grains;

public sealed class ShoppingListState
{
    public List<string> Items { get; set; } = [];
}
