namespace OrleansShop.GraphQL.Language;

/// <summary>A MemberCoordinate: <c>Name.Name</c>, a field, input field or enum value, e.g. <c>Business.name</c>.</summary>
public sealed class MemberCoordinateNode : SchemaCoordinateNode
{
    public override SyntaxKind Kind => SyntaxKind.MemberCoordinate;

    public required NameNode MemberName { get; init; }
}
