namespace OrleansShop.GraphQL.Language;

/// <summary>Options and protective limits for <see cref="Parser"/>.</summary>
public sealed class ParserOptions
{
    /// <summary>The defaults used when no options are given.</summary>
    public static ParserOptions Default { get; } = new();

    /// <summary>
    /// Largest accepted source in UTF-8 bytes; checked before lexing, so an oversized request costs nothing.
    /// Default 1 MiB: the full introspection query is about 2 KiB and large real-world operations
    /// and schemas stay well below 1 MiB, while a public endpoint should not spend time on more.
    /// </summary>
    public int MaxDocumentBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Most lexical tokens accepted (graphql-js <c>maxTokens</c>); counted while parsing, so a
    /// document of many tiny tokens is refused before its AST is built. Default 100 000, roughly
    /// a 1 MiB document of realistic operations.
    /// </summary>
    public int MaxTokens { get; init; } = 100_000;

    /// <summary>
    /// Deepest nesting of selection sets, list/object values and list types. Each level is one
    /// recursive call, so this bounds stack use. Default 128: far beyond any sensible operation
    /// (introspection's deepest <c>ofType</c> chain is under 20) yet safe on any thread's stack.
    /// </summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>Skip recording <see cref="SyntaxNode.Location"/>, for callers that never report positions.</summary>
    public bool NoLocation { get; init; }
}
