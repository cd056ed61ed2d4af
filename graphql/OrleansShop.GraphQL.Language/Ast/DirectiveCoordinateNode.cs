namespace OrleansShop.GraphQL.Language;

/// <summary>A DirectiveCoordinate: <c>@Name</c>, e.g. <c>@private</c>.</summary>
public sealed class DirectiveCoordinateNode : SchemaCoordinateNode
{
    public override SyntaxKind Kind => SyntaxKind.DirectiveCoordinate;
}
