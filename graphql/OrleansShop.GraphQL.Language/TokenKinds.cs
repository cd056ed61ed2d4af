namespace OrleansShop.GraphQL.Language;

/// <summary>How token kinds are spelled in error messages, as graphql-js spells them.</summary>
internal static class TokenKinds
{
    private static readonly string[] Descriptions =
    [
        "<SOF>", "<EOF>", "\"!\"", "\"$\"", "\"&\"", "\"(\"", "\")\"", "\"...\"", "\":\"", "\"=\"", "\"@\"",
        "\"[\"", "\"]\"", "\"{\"", "\"|\"", "\"}\"", "Name", "Int", "Float", "String", "BlockString",
    ];

    public static string Describe(TokenKind kind) => Descriptions[(int)kind];

    public static bool HasValue(TokenKind kind) => kind >= TokenKind.Name;
}
