using System.Globalization;
using System.Net;
using HotChocolate.AspNetCore;
using HotChocolate.AspNetCore.Formatters;
using HotChocolate.Execution;
using OrleansShop.Api.Schema;

namespace OrleansShop.Api.Limits;

/// <summary>An operation refused by the query-cost budget is answered with 429 Too Many Requests and a Retry-After header.</summary>
internal sealed class RateLimitedStatusFormatter(ITimeProvider timeProvider)
    : DefaultHttpResponseFormatter(options: default, timeProvider, IncrementalDeliveryFormat.Undefined)
{
    protected override HttpStatusCode OnDetermineStatusCode(OperationResult result, FormatInfo format, HttpStatusCode? proposedStatusCode) =>
        RetryAfter(result) is not null ? HttpStatusCode.TooManyRequests : base.OnDetermineStatusCode(result, format, proposedStatusCode);

    protected override void OnWriteResponseHeaders(OperationResult result, FormatInfo format, IHeaderDictionary headers)
    {
        base.OnWriteResponseHeaders(result, format, headers);
        if (RetryAfter(result) is { } seconds)
        {
            headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static int? RetryAfter(OperationResult result) =>
        result.Data is null && result.Errors is [{ Code: ShopErrors.RateLimited } error]
            && error.Extensions?.GetValueOrDefault(QueryCostLimiter.RetryAfterExtension) is int seconds
            ? seconds
            : null;
}
