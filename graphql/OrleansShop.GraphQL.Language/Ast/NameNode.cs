namespace OrleansShop.GraphQL.Language;

/// <summary>A Name token (spec 2.1.9). The parser interns name strings, so equal names usually share one string.</summary>
public sealed class NameNode : SyntaxNode
{
    public NameNode()
    {
    }

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public NameNode(string value) => Value = value;

    public override SyntaxKind Kind => SyntaxKind.Name;

    public required string Value { get; init; }
}
