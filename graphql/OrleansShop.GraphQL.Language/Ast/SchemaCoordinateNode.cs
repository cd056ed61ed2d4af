namespace OrleansShop.GraphQL.Language;

/// <summary>
/// A SchemaCoordinate (spec September 2025, "Schema Coordinates"): a human readable name of one schema element,
/// parsed with <see cref="Parser.ParseSchemaCoordinate"/>. <see cref="Name"/> is the type or directive name.
/// </summary>
public abstract class SchemaCoordinateNode : SyntaxNode, INamedSyntaxNode
{
    private protected SchemaCoordinateNode()
    {
    }

    /// <summary>The type name, or for <c>@name</c> coordinates the directive name (without <c>@</c>).</summary>
    public required NameNode Name { get; init; }
}
