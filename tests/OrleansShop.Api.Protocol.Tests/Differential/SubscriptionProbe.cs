using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Protocol.Tests.Differential;

/// <summary>
/// Sends generated subscriptions over one graphql-transport-ws connection and reads each one's fate. An <c>error</c> message
/// (or a <c>next</c> with errors and no data) is a rejection, unless its errors are field errors; a <c>next</c> with data is
/// an acceptance. The protocol does not
/// acknowledge a subscribe, so the product's stock changes every few hundred milliseconds until every subscription has
/// answered one way or the other: a valid subscription answers with the new level.
/// </summary>
internal static class SubscriptionProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task<Dictionary<int, (ServerOutcome Outcome, string Answer)>> RunAsync(
        ShopServer server, IReadOnlyList<GeneratedOperation> subscriptions, string productId, string adminToken)
    {
        var outcomes = new Dictionary<int, (ServerOutcome, string)>();
        await using var socket = await GraphQLSocket.ConnectAsync(server.WebSocketUri);
        foreach (var operation in subscriptions)
        {
            await socket.SubscribeAsync(Key(operation), operation.Query, operation.Variables, operation.OperationName);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var restocking = RestockUntilStoppedAsync(server, productId, adminToken, stop.Token);
        var deadline = DateTime.UtcNow + Patience;
        var byKey = subscriptions.ToDictionary(Key);
        try
        {
            while (outcomes.Count < subscriptions.Count && DateTime.UtcNow < deadline)
            {
                var message = await socket.ReceiveAsync();
                var id = message["id"]?.GetValue<string>();
                if (id is null || !byKey.TryGetValue(id, out var operation) || outcomes.ContainsKey(operation.Id))
                {
                    continue;
                }

                var outcome = Read(message);
                outcomes[operation.Id] = (outcome, message.ToJsonString());
                if (outcome == ServerOutcome.Accepted)
                {
                    await socket.CompleteAsync(id);
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            // Nothing arrived for the socket's patience: the operations still open are reported as unanswered below.
        }
        finally
        {
            await stop.CancelAsync();
            await restocking;
        }

        foreach (var operation in subscriptions.Where(s => !outcomes.ContainsKey(s.Id)))
        {
            outcomes[operation.Id] = (ServerOutcome.Failed, "no answer within " + Patience.TotalSeconds + " s");
        }

        return outcomes;
    }

    /// <summary>The contract's <c>ErrorCode</c> enum: what the shop's resolvers put in <c>extensions.code</c>.</summary>
    private static readonly HashSet<string> ContractErrorCodes = new(StringComparer.Ordinal)
    {
        "INVALID_INPUT", "NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN", "CONFLICT", "EMAIL_TAKEN", "INVALID_CREDENTIALS",
        "WEAK_PASSWORD", "OUT_OF_STOCK", "PRODUCT_UNAVAILABLE", "CART_EMPTY", "PAYMENT_DECLINED", "PAYMENT_FAILED",
        "INVALID_STATE", "REVIEW_NOT_ALLOWED", "RATE_LIMITED",
    };

    private static string Key(GeneratedOperation operation) => "op" + operation.Id;

    private static ServerOutcome Read(JsonNode message)
    {
        var payload = message["payload"];
        var errors = payload is JsonArray list ? list : payload?["errors"] as JsonArray ?? [];
        var codes = errors.Select(e => e?["extensions"]?["code"]?.ToString()).OfType<string>();
        switch (message["type"]?.GetValue<string>())
        {
            case "next" when payload is JsonObject result && result.ContainsKey("data"):
                return ServerOutcome.Accepted;

            // Refused for what it would cost (or the client's budget), before or after validation.
            case "next" or "error" when ResourceRefusals.Any(codes):
                return ServerOutcome.RefusedForCost;

            // The resolver that opens the event stream ran and failed (an id that names no product, say). Servers differ in
            // how they say so (a field error with a path in a result, or a source stream error as an error message without
            // one), and some put a path on validation errors too; what marks the resolver's own answer is the shop's error
            // code on every error, which validation never gives.
            case "next" or "error" when errors.Count > 0 && errors.All(e => ContractErrorCodes.Contains(e?["extensions"]?["code"]?.ToString() ?? "")):
                return ServerOutcome.Accepted;
            case "next" or "error":
                return ServerOutcome.Rejected;
            default:
                // A complete before any result: the server ended the subscription without answering it.
                return ServerOutcome.Failed;
        }
    }

    private static async Task RestockUntilStoppedAsync(ShopServer server, string productId, string adminToken, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await server.DataAsync(
                "mutation($input: AdjustStockInput!) { adjustStock(input: $input) { errors { code } } }",
                new { input = new { productId, delta = 1, reason = "differential test" } },
                adminToken);
            try
            {
                await Task.Delay(250, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
