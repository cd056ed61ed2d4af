using OrleansShop.Api.Protocol.Tests.Support;

namespace OrleansShop.Api.Protocol.Tests.Differential;

/// <summary>Reads an HTTP answer as accepted or rejected (GraphQL over HTTP: a request error has no <c>data</c>).</summary>
internal static class HttpOutcomes
{
    public static ServerOutcome Of(HttpExchange exchange)
    {
        if (exchange.Status >= 500)
        {
            return ServerOutcome.Failed;
        }

        if (!exchange.HasData && ResourceRefusals.Any(exchange.ErrorCodes))
        {
            return ServerOutcome.RefusedForCost;
        }

        // data: null is still data: a field error that reached the root after the operation ran, so it was accepted.
        if (exchange.Status is >= 200 and < 300 && exchange.HasData)
        {
            return ServerOutcome.Accepted;
        }

        // A refusal the client cannot read is a fault too: it must say what is wrong.
        return exchange.Errors.Count > 0 ? ServerOutcome.Rejected : ServerOutcome.Failed;
    }
}
