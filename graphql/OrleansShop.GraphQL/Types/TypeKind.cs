namespace OrleansShop.GraphQL.Types;

/// <summary>The kinds of types the specification defines (the values of <c>__TypeKind</c>).</summary>
public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}
