namespace OrleansShop.GraphQL.Types;

/// <summary>
/// Any GraphQL type: a named type or a wrapping type (<see cref="ListType"/>, <see cref="NonNullType"/>).
/// </summary>
public abstract class GraphQLType
{
    private protected GraphQLType()
    {
    }

    public abstract TypeKind Kind { get; }

    /// <summary>The named type at the core of this type once every wrapper is removed.</summary>
    public abstract NamedType GetNamedType();

    public bool IsNonNull => Kind == TypeKind.NonNull;

    /// <summary>This type without its outer non-null wrapper, if any.</summary>
    public GraphQLType NullableType => this is NonNullType nonNull ? nonNull.OfType : this;

    /// <summary>Scalars, enums and input objects, possibly wrapped: the types of arguments, variables and input fields.</summary>
    public bool IsInputType => GetNamedType().Kind is TypeKind.Scalar or TypeKind.Enum or TypeKind.InputObject;

    /// <summary>Every type but input objects, possibly wrapped: the types of fields.</summary>
    public bool IsOutputType => GetNamedType().Kind is not TypeKind.InputObject;

    public bool IsLeafType => Kind is TypeKind.Scalar or TypeKind.Enum;

    public bool IsCompositeType => Kind is TypeKind.Object or TypeKind.Interface or TypeKind.Union;

    public bool IsAbstractType => Kind is TypeKind.Interface or TypeKind.Union;

    /// <summary>The type as written in SDL, e.g. <c>[Product!]!</c>.</summary>
    public abstract override string ToString();
}
