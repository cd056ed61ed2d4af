using System.Globalization;
using System.Net;
using HotChocolate.AspNetCore;
using HotChocolate.AspNetCore.Formatters;
using OrleansShop.Api.Limits;

namespace OrleansShop.Api.Schema;

/// <summary>
/// HotChocolate's HTTP answers with two status codes of ours: an operation refused by the query-cost budget is 429 Too Many
/// Requests with a Retry-After header, and a body that is not a GraphQL request at all (JSON that does not parse,
/// <c>variables</c> that is not a map) is 400 under <c>application/json</c> too, where HotChocolate answers 200; GraphQL
/// over HTTP keeps 200 for well-formed requests only.
/// </summary>
internal sealed class ShopResponseFormatter(ITimeProvider timeProvider)
    : DefaultHttpResponseFormatter(options: default, timeProvider, IncrementalDeliveryFormat.Undefined)
{
    /// <summary>HotChocolate's codes for a request body it could not read as a GraphQL request.</summary>
    private static readonly HashSet<string> MalformedRequestCodes = new(StringComparer.Ordinal) { "HC0009", "HC0012" };

    protected override HttpStatusCode OnDetermineStatusCode(OperationResult result, FormatInfo format, HttpStatusCode? proposedStatusCode)
    {
        if (RetryAfter(result) is not null)
        {
            return HttpStatusCode.TooManyRequests;
        }

        if (format.Kind == ResponseContentType.Json && result.Data is null
            && result.Errors is { Count: > 0 } errors && errors.All(e => e.Code is { } code && MalformedRequestCodes.Contains(code)))
        {
            return HttpStatusCode.BadRequest;
        }

        return base.OnDetermineStatusCode(result, format, proposedStatusCode);
    }

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
