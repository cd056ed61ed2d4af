namespace OrleansShop.GraphQL.Language;

/// <summary>A TypeCoordinate: <c>Name</c>, e.g. <c>Business</c>.</summary>
public sealed class TypeCoordinateNode : SchemaCoordinateNode
{
    public override SyntaxKind Kind => SyntaxKind.TypeCoordinate;
}
