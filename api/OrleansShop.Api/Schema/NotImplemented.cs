using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Contract fields whose feature is not built yet. They fail with <c>extensions.code = "NOT_IMPLEMENTED"</c> and a
/// message naming the feature, rather than answering with made-up data.
/// </summary>
internal static class NotImplemented
{
    public const string Code = "NOT_IMPLEMENTED";

    public static readonly IReadOnlyList<(string Type, string Field, string Feature)> Fields =
    [
        ("ProductConnection", "facets", "catalog facets (search)"),
        ("Mutation", "addReview", "reviews (writing)"),
        ("Mutation", "replyToReview", "reviews (writing)"),
        ("Subscription", "orderStatusChanged", "subscriptions"),
        ("Subscription", "stockChanged", "subscriptions"),
    ];

    public static GraphQLException Error(string feature) => new($"{Capitalize(feature)} is not implemented yet.", Code);

    public static void Register(SchemaBuilder schema)
    {
        foreach (var (type, field, feature) in Fields)
        {
            if (type == "Subscription")
            {
                schema.AddSubscriber<object>(type, field, _ => throw Error(feature));
            }

            schema.AddResolver(type, field, (FieldResolver)(_ => throw Error(feature)));
        }
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
