using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Execution;

/// <summary>CoerceVariableValues (spec 6.1.2): checks and coerces the request's variables against the operation's definitions.</summary>
internal static class VariableCoercion
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    public static IReadOnlyDictionary<string, object?> Coerce(GraphQLSchema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? values, out List<GraphQLError>? errorsFound)
    {
        errorsFound = null;
        if (operation.VariableDefinitions.Count == 0)
        {
            return None;
        }

        var errors = new List<GraphQLError>();

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name.Value;
            var type = ResolveType(schema, definition.Type);
            if (type is null || !type.IsInputType)
            {
                errors.Add(GraphQLError.At($"Variable \"${name}\" expected value of type \"{Building.TypeSyntax.Print(definition.Type)}\" which cannot be used as an input type.", [definition], ErrorCodes.InvalidVariable));
                continue;
            }

            if (values is null || !values.TryGetValue(name, out var value))
            {
                if (definition.DefaultValue is not null)
                {
                    try
                    {
                        result[name] = ValueCoercion.CoerceLiteral(definition.DefaultValue, type, null);
                    }
                    catch (ValueCoercionException error)
                    {
                        errors.Add(GraphQLError.At($"Variable \"${name}\" has an invalid default value: {error.Message}", [definition], ErrorCodes.InvalidVariable));
                    }
                }
                else if (type.IsNonNull)
                {
                    errors.Add(GraphQLError.At($"Variable \"${name}\" has invalid value: Expected a value of non-null type \"{type}\" to be provided.", [definition], ErrorCodes.InvalidVariable));
                }

                continue;
            }

            try
            {
                result[name] = ValueCoercion.CoerceInputValue(value, type);
            }
            catch (ValueCoercionException error)
            {
                errors.Add(GraphQLError.At($"Variable \"${name}\" has invalid value{error.InputPath}: {error.Message}", [definition], ErrorCodes.InvalidVariable));
            }
        }

        errorsFound = errors.Count > 0 ? errors : null;
        return result;
    }

    private static GraphQLType? ResolveType(GraphQLSchema schema, TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => ResolveType(schema, nonNull.Type) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode list => ResolveType(schema, list.Type) is { } item ? new ListType(item) : null,
        NamedTypeNode named => schema.GetNamedType(named.Name.Value),
        _ => null,
    };
}
