namespace OrleansShop.Api.Limits;

/// <summary>
/// Query-cost budgets per role, in the engine's cost units: a field with its own resolver weighs 10 and introspection is
/// free, yet every operation is charged at least 1. Measured: a page of 20 products with price, stock and rating costs
/// 870, the category page (every category with 20 products) 2,710, a login or an addCartItem about 20.
/// </summary>
public sealed class QueryCostBudgets
{
    /// <summary>Per IP address: a burst of about 30 product pages, then one every 1.7 seconds; a scraper soon waits.</summary>
    public Budget Anonymous { get; set; } = Budget.Of(30_000, 500);

    public Budget Customer { get; set; } = Budget.Of(60_000, 1_000);

    /// <summary>Admin lists in the IDE are large pages by nature.</summary>
    public Budget Admin { get; set; } = Budget.Of(200_000, 5_000);
}
