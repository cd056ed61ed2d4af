using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Utilities;

/// <summary>Type relations used by schema and document validation (graphql-js <c>typeComparators</c>).</summary>
public static class TypeComparators
{
    /// <summary>True when both types are the same named type with the same wrappers.</summary>
    public static bool IsEqualType(GraphQLType a, GraphQLType b) => a switch
    {
        NonNullType nonNullA => b is NonNullType nonNullB && IsEqualType(nonNullA.OfType, nonNullB.OfType),
        ListType listA => b is ListType listB && IsEqualType(listA.OfType, listB.OfType),
        _ => ReferenceEquals(a, b),
    };

    /// <summary>True when a value of <paramref name="maybeSubType"/> is always a valid value of <paramref name="superType"/> (covariant output types).</summary>
    public static bool IsTypeSubTypeOf(GraphQLSchema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (ReferenceEquals(maybeSubType, superType))
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nonNull)
        {
            return IsTypeSubTypeOf(schema, nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        return superType.IsAbstractType && maybeSubType is ObjectType or InterfaceType
            && schema.IsSubType((NamedType)superType, (NamedType)maybeSubType);
    }

    /// <summary>True when some object type could be both <paramref name="a"/> and <paramref name="b"/> (fragment spreads are possible).</summary>
    public static bool DoTypesOverlap(GraphQLSchema schema, NamedType a, NamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.IsAbstractType)
        {
            if (b.IsAbstractType)
            {
                foreach (var type in schema.GetPossibleTypes(a))
                {
                    if (schema.IsSubType(b, type))
                    {
                        return true;
                    }
                }

                return false;
            }

            return b is ObjectType objectB && schema.IsSubType(a, objectB);
        }

        return b.IsAbstractType && a is ObjectType objectA && schema.IsSubType(b, objectA);
    }
}
