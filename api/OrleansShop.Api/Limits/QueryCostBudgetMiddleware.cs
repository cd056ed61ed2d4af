using RequestContext = HotChocolate.Execution.RequestContext;
using RequestDelegate = HotChocolate.Execution.RequestDelegate;

namespace OrleansShop.Api.Limits;

/// <summary>
/// The request pipeline's step before execution, after cost analysis: the operation's field cost is charged to its client's budget, and an
/// operation over budget ends here with RATE_LIMITED (HTTP 429, see <see cref="Schema.ShopResponseFormatter"/>). The process's own
/// operations (<see cref="InternalOperation"/>) are no client's and are not charged.
/// </summary>
internal sealed class QueryCostBudgetMiddleware(RequestDelegate next)
{
    public const string Key = "OrleansShop.QueryCostBudget";

    public ValueTask InvokeAsync(RequestContext context)
    {
        // The limiter is the application's singleton: the pipeline is built in HotChocolate's schema services, which do not hold it.
        var limiter = context.RequestServices.GetRequiredService<QueryCostLimiter>();
        if (!context.IsInternal() && limiter.Charge(context.GetCostMetrics().FieldCost) is { } refused)
        {
            context.Result = OperationResult.FromError(refused);
            return ValueTask.CompletedTask;
        }

        return next(context);
    }
}
