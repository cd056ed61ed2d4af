namespace OrleansShop.GraphQL.Language;

/// <summary>
/// Base of every AST node. Nodes are immutable: members are init-only so that new members can be
/// added later without breaking code that builds nodes with object initializers.
/// </summary>
public abstract class SyntaxNode
{
    private protected SyntaxNode()
    {
    }

    public abstract SyntaxKind Kind { get; }

    /// <summary>Where the node was parsed from; null for nodes built in code or parsed with <see cref="ParserOptions.NoLocation"/>.</summary>
    public Location? Location { get; init; }

    /// <summary>The node printed as GraphQL source, exactly as graphql-js <c>print</c> would.</summary>
    public override string ToString() => Printer.Print(this);
}
