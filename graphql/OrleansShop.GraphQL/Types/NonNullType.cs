namespace OrleansShop.GraphQL.Types;

/// <summary>A type whose values are never null. Wrapping types compare structurally.</summary>
public sealed class NonNullType : GraphQLType
{
    public NonNullType(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        if (ofType is NonNullType)
        {
            throw new ArgumentException($"Cannot wrap the non-null type \"{ofType}\" in non-null again.", nameof(ofType));
        }

        OfType = ofType;
    }

    public GraphQLType OfType { get; }

    public override TypeKind Kind => TypeKind.NonNull;

    public override NamedType GetNamedType() => OfType.GetNamedType();

    public override string ToString() => OfType + "!";

    public override bool Equals(object? obj) => obj is NonNullType other && OfType.Equals(other.OfType);

    public override int GetHashCode() => HashCode.Combine(2, OfType);
}
