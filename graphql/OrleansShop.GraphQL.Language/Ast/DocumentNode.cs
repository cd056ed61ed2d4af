namespace OrleansShop.GraphQL.Language;

/// <summary>A Document (spec 2.2): executable definitions, type system definitions and extensions.</summary>
public sealed class DocumentNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Document;

    public required IReadOnlyList<DefinitionNode> Definitions { get; init; }

    /// <summary>Number of lexical tokens (excluding ignored tokens) in the parsed source; 0 for documents built in code.</summary>
    public int TokenCount { get; init; }
}
