namespace OrleansShop.GraphQL.Language;

/// <summary>A DirectiveArgumentCoordinate: <c>@Name(Name:)</c>, e.g. <c>@private(scope:)</c>.</summary>
public sealed class DirectiveArgumentCoordinateNode : SchemaCoordinateNode
{
    public override SyntaxKind Kind => SyntaxKind.DirectiveArgumentCoordinate;

    public required NameNode ArgumentName { get; init; }
}
