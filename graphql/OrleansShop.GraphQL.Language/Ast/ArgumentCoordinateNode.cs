namespace OrleansShop.GraphQL.Language;

/// <summary>An ArgumentCoordinate: <c>Name.Name(Name:)</c>, a field argument, e.g. <c>Query.searchBusiness(criteria:)</c>.</summary>
public sealed class ArgumentCoordinateNode : SchemaCoordinateNode
{
    public override SyntaxKind Kind => SyntaxKind.ArgumentCoordinate;

    public required NameNode FieldName { get; init; }

    public required NameNode ArgumentName { get; init; }
}
