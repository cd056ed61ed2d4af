using System.Globalization;
using HotChocolate.Execution;
using Microsoft.Extensions.Options;
using OrleansShop.Api.Auth;
using OrleansShop.Api.Schema;

namespace OrleansShop.Api.Limits;

/// <summary>
/// Charges every operation's cost, as HotChocolate's cost analysis computed it, to its client's bucket before it runs: the
/// access token's subject (the same budget from the web shop, a phone and the admin IDE), else the IP address. HTTP and
/// WebSocket operations both pass here. Over budget, nothing runs and the client is told when to retry.
/// </summary>
internal sealed class QueryCostLimiter(IOptions<RateLimitingOptions> options, TimeProvider time, IHttpContextAccessor http)
{
    public const string RetryAfterExtension = "retryAfter";

    private readonly bool enabled = options.Value.Enabled;
    private readonly QueryCostBudgets budgets = options.Value.QueryCost;
    private readonly ClientBuckets buckets = new(options.Value.MaxTrackedClients, time);

    /// <summary>The refusal to answer with, or null when the operation may run.</summary>
    public IError? Charge(double fieldCost)
    {
        if (!enabled)
        {
            return null;
        }

        var context = http.HttpContext;
        var user = context?.User;
        var (client, budget) = user.CustomerId() is { } subject
            ? user.IsAdmin() ? ("admin:" + subject, budgets.Admin) : ("customer:" + subject, budgets.Customer)
            : ("ip:" + (context is null ? "local" : ClientAddress.Of(context)), budgets.Anonymous);

        // Introspection and other free operations still cost something, so a flood of them is limited too.
        var cost = Math.Max(1, Math.Ceiling(fieldCost));
        if (buckets.TryTake(client, budget, cost, out var wait))
        {
            return null;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return ErrorBuilder.New()
            .SetMessage(string.Create(CultureInfo.InvariantCulture, $"Query-cost budget used up: this operation costs {cost}. Retry in {seconds} seconds."))
            .SetCode(ShopErrors.RateLimited)
            .SetExtension(RetryAfterExtension, seconds)
            .SetExtension("cost", cost)
            .Build();
    }
}
