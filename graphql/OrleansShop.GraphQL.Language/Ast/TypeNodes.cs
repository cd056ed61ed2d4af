namespace OrleansShop.GraphQL.Language;

/// <summary>A Type reference (spec 2.11): named, list or non-null.</summary>
public abstract class TypeNode : SyntaxNode
{
    private protected TypeNode()
    {
    }
}

/// <summary>A NamedType: <c>Name</c>.</summary>
public sealed class NamedTypeNode : TypeNode, INamedSyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.NamedType;

    public required NameNode Name { get; init; }
}

/// <summary>A ListType: <c>[Type]</c>.</summary>
public sealed class ListTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.ListType;

    public required TypeNode Type { get; init; }
}

/// <summary>A NonNullType: <c>Type!</c>. <see cref="Type"/> is never itself non-null when parsed.</summary>
public sealed class NonNullTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.NonNullType;

    public required TypeNode Type { get; init; }
}
