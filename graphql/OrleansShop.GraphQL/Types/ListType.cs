namespace OrleansShop.GraphQL.Types;

/// <summary>A list of values of <see cref="OfType"/>. Wrapping types compare structurally.</summary>
public sealed class ListType : GraphQLType
{
    public ListType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        OfType = ofType;
    }

    public GraphQLType OfType { get; }

    public override TypeKind Kind => TypeKind.List;

    public override NamedType GetNamedType() => OfType.GetNamedType();

    public override string ToString() => "[" + OfType + "]";

    public override bool Equals(object? obj) => obj is ListType other && OfType.Equals(other.OfType);

    public override int GetHashCode() => HashCode.Combine(1, OfType);
}
