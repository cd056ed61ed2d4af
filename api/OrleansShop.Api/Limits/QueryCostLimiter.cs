using System.Globalization;
using Microsoft.Extensions.Options;
using OrleansShop.Api.Auth;
using OrleansShop.GraphQL.AspNetCore;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.Api.Limits;

/// <summary>
/// Charges every operation's computed cost to its client's bucket before it runs: the access token's subject (the same
/// budget from the web shop, a phone and the admin IDE), else the IP address. Over budget, nothing runs and the client
/// is told when to retry.
/// </summary>
internal sealed class QueryCostLimiter(IOptions<RateLimitingOptions> options, TimeProvider time)
{
    public const string RetryAfterExtension = "retryAfter";

    private readonly QueryCostBudgets budgets = options.Value.QueryCost;
    private readonly ClientBuckets buckets = new(options.Value.MaxTrackedClients, time);

    public ValueTask<OperationAdmission> AdmitAsync(OperationAdmissionContext operation)
    {
        var user = operation.HttpContext.User;
        var (client, budget) = user.CustomerId() is { } subject
            ? user.IsAdmin() ? ("admin:" + subject, budgets.Admin) : ("customer:" + subject, budgets.Customer)
            : ("ip:" + ClientAddress.Of(operation.HttpContext), budgets.Anonymous);

        // Introspection and other free operations still cost something, so a flood of them is limited too.
        var cost = Math.Max(1, Math.Ceiling(operation.Cost.FieldCost));
        if (buckets.TryTake(client, budget, cost, out var wait))
        {
            return ValueTask.FromResult(OperationAdmission.Admitted);
        }

        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        var error = new GraphQLError(
            string.Create(CultureInfo.InvariantCulture, $"Query-cost budget used up: this operation costs {cost}. Retry in {seconds} seconds."),
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["code"] = "RATE_LIMITED",
                [RetryAfterExtension] = seconds,
                ["cost"] = cost,
            });
        return ValueTask.FromResult(OperationAdmission.Refuse(error, StatusCodes.Status429TooManyRequests, TimeSpan.FromSeconds(seconds)));
    }
}
