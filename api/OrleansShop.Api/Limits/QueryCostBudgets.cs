namespace OrleansShop.Api.Limits;

/// <summary>
/// Query-cost budgets per role, in HotChocolate's field cost (the IBM cost specification: a field with a resolver weighs
/// 10, lists count by <c>@listSize</c>); every operation is charged at least 1. Measured: a page of 20 products with
/// price, stock and rating costs 651, the category page (20 categories with 20 products) 4,630, a login 12.
/// </summary>
public sealed class QueryCostBudgets
{
    /// <summary>Per IP address: a burst of about 30 product pages, then one every 1.7 seconds; a scraper soon waits.</summary>
    public Budget Anonymous { get; set; } = Budget.Of(30_000, 500);

    public Budget Customer { get; set; } = Budget.Of(60_000, 1_000);

    /// <summary>Admin lists in the IDE are large pages by nature.</summary>
    public Budget Admin { get; set; } = Budget.Of(200_000, 5_000);
}
