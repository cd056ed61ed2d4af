using System.Globalization;
using System.Text.Json;
using OrleansShop.Api.Protocol.Tests.Differential;
using OrleansShop.Api.Protocol.Tests.Support;

namespace OrleansShop.Api.Protocol.Tests;

/// <summary>
/// graphql-js as the oracle of what a server must accept and refuse, on the schema the shop serves (read by introspection
/// over HTTP). js/operations.mjs generates operations from a fixed seed, valid ones and broken ones (unknown fields and
/// arguments, wrong literals, missing arguments, bad fragments, variable misuse, conflicting fields, invalid subscriptions,
/// syntax errors, bad variable values), adds the hand-written edge cases of js/edge-cases.mjs, and graphql-js judges each. The server must agree on every one: queries and
/// mutations over HTTP, subscriptions over graphql-transport-ws.
/// </summary>
/// <remarks>
/// The server's known departures from the specification are listed, with their reasons, in <see cref="KnownDeviations"/>.
/// Allowed disagreements, documented here: a valid operation the server refuses for its cost
/// (<see cref="ResourceRefusals"/>) is left out, and at most a few may be. Custom scalars (DateTime, Decimal) are never
/// given a wrong literal: graphql-js builds them from introspection without their parsing rules, so it cannot judge one.
/// graphql-js 17 accepts empty selection sets (<c>{}</c>) by default, which the specification's grammar does not: it judges
/// with <c>allowEmptySelectionSets: false</c>.
/// </remarks>
public sealed class ValidationDifferentialTests(ProtocolServer fixture)
{
    private const int Count = 300;

    /// <summary>Fixed, so that every run compares the same operations; ORLEANSSHOP_DIFFERENTIAL_SEED explores others.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("ORLEANSSHOP_DIFFERENTIAL_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 1405;

    [Fact]
    public async Task The_server_accepts_and_rejects_generated_operations_exactly_as_graphql_js_does()
    {
        var server = fixture.Server;
        var admin = await server.AdminTokenAsync();
        var productId = await server.CreateProductAsync(admin, stock: 1000);
        var output = await NodeTools.RunScriptAsync(
            "operations.mjs",
            [fixture.GraphQLUri.ToString(), Seed.ToString(CultureInfo.InvariantCulture), Count.ToString(CultureInfo.InvariantCulture), productId],
            TimeSpan.FromMinutes(1));
        var operations = JsonSerializer.Deserialize<List<GeneratedOperation>>(output, JsonSerializerOptions.Web)!;

        var answers = new Dictionary<int, (ServerOutcome Outcome, string Answer)>();
        foreach (var operation in operations.Where(o => !o.IsSubscription))
        {
            var exchange = await server.Http.PostAsync(new { query = operation.Query, variables = operation.Variables, operationName = operation.OperationName });
            answers[operation.Id] = (HttpOutcomes.Of(exchange), exchange.ToString());
        }

        var subscriptions = await SubscriptionProbe.RunAsync(server, [.. operations.Where(o => o.IsSubscription)], productId, admin);
        foreach (var (id, answer) in subscriptions)
        {
            answers[id] = answer;
        }

        var valid = operations.Where(o => o.ValidForGraphQLJs).ToList();
        var refusedForCost = valid.Where(o => answers[o.Id].Outcome == ServerOutcome.RefusedForCost).ToList();
        var known = operations
            .Where(o => !Agrees(o, answers[o.Id].Outcome) && KnownDeviations.Explain(o, answers[o.Id].Outcome) is not null)
            .ToList();
        var disagreements = operations.Where(o => !Agrees(o, answers[o.Id].Outcome)).Except(known).ToList();
        foreach (var operation in known)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Known deviation: {operation.Describe()}\nserver ({answers[operation.Id].Outcome}): {KnownDeviations.Explain(operation, answers[operation.Id].Outcome)}\n");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Seed {Seed}: {operations.Count} operations ({operations.Count(o => o.IsSubscription)} subscriptions): {valid.Count} valid for graphql-js, "
            + $"{operations.Count - valid.Count} invalid; {refusedForCost.Count} valid ones refused for cost; {known.Count} known deviations; {disagreements.Count} disagreements.");

        // The comparison means something only with enough of each kind, over both transports.
        Assert.Equal(Count, operations.Count(o => o.OperationType != "edge case"));
        Assert.InRange(valid.Count, operations.Count * 3 / 10, operations.Count * 7 / 10);
        Assert.True(valid.Count(o => o.IsSubscription) >= 15 && operations.Count(o => o.IsSubscription && !o.ValidForGraphQLJs) >= 15, "Too few valid or invalid subscriptions were generated.");
        Assert.True(
            refusedForCost.Count <= valid.Count / 20,
            $"{refusedForCost.Count} of {valid.Count} valid operations were refused for cost; the comparison needs most of them to run:\n"
            + string.Join("\n\n", refusedForCost.Take(3).Select(o => o.Describe() + "\nserver: " + answers[o.Id].Answer)));
        Assert.True(
            disagreements.Count == 0,
            $"{disagreements.Count} disagreements with graphql-js:\n\n"
            + string.Join("\n\n", disagreements.Take(10).Select(o => o.Describe() + $"\nserver ({answers[o.Id].Outcome}): {answers[o.Id].Answer}")));
    }

    private static bool Agrees(GeneratedOperation operation, ServerOutcome outcome) => outcome switch
    {
        ServerOutcome.Accepted => operation.ValidForGraphQLJs,
        ServerOutcome.Rejected => !operation.ValidForGraphQLJs,

        // A refusal for cost is no verdict on validity; an invalid operation may be refused for either reason.
        ServerOutcome.RefusedForCost => true,
        _ => false,
    };
}
