namespace OrleansShop.Api.Limits;

/// <summary>
/// Per-client limits, bound from <c>OrleansShop:RateLimiting</c>. <c>OrleansShop__RateLimiting__Enabled=false</c> turns all
/// of them off (load tests from one address).
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "OrleansShop:RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How many clients' buckets are kept per limit. When full, buckets that refilled (idle clients) are dropped first, then
    /// the least recently used, so many addresses or emails cannot grow memory without bound.
    /// </summary>
    public int MaxTrackedClients { get; set; } = 100_000;

    public QueryCostBudgets QueryCost { get; set; } = new();

    public SignInBudgets SignIn { get; set; } = new();

    internal IEnumerable<string> Problems()
    {
        if (MaxTrackedClients < 1)
        {
            yield return $"{Section}:MaxTrackedClients must be at least 1.";
        }

        foreach (var (name, budget) in new[]
        {
            ("QueryCost:Anonymous", QueryCost.Anonymous), ("QueryCost:Customer", QueryCost.Customer), ("QueryCost:Admin", QueryCost.Admin),
            ("SignIn:PerEmail", SignIn.PerEmail), ("SignIn:PerIp", SignIn.PerIp),
        })
        {
            if (budget is null || !budget.IsValid)
            {
                yield return $"{Section}:{name} needs a positive Capacity and RefillPerSecond.";
            }
        }
    }
}
