using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;
using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Execution;

/// <summary>CoerceArgumentValues (spec 6.4.1): literal and variable arguments of a field, with defaults, as resolvers see them.</summary>
internal static class ArgumentCoercion
{
    public static IReadOnlyDictionary<string, object?> Coerce(FieldDefinition field, FieldNode node, IReadOnlyDictionary<string, object?>? variables)
    {
        var result = new Dictionary<string, object?>(field.Arguments.Count, StringComparer.Ordinal);
        foreach (var argument in field.Arguments)
        {
            ArgumentNode? given = null;
            foreach (var candidate in node.Arguments)
            {
                if (candidate.Name.Value == argument.Name)
                {
                    given = candidate;
                    break;
                }
            }

            var provided = given is not null
                && !(given.Value is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value)));
            if (!provided)
            {
                if (argument.HasDefaultValue)
                {
                    result[argument.Name] = argument.DefaultValue;
                }
                else if (argument.Type.IsNonNull)
                {
                    throw new GraphQLException($"Argument \"{argument.Name}\" of required type \"{argument.Type}\" was not provided.", ErrorCodes.InvalidArgument);
                }

                continue;
            }

            try
            {
                result[argument.Name] = ValueCoercion.CoerceLiteral(given!.Value, argument.Type, variables);
            }
            catch (ValueCoercionException error)
            {
                throw new GraphQLException($"Argument \"{argument.Name}\" of type \"{argument.Type}\" has invalid value {PrintLiteral(given!.Value)}: {error.Message}", ErrorCodes.InvalidArgument);
            }
        }

        return result;
    }

    private static string PrintLiteral(ValueNode value)
    {
        try
        {
            return Printer.Print(value);
        }
        catch (NotImplementedException)
        {
            return ValueInspector.Inspect(ValueCoercion.ToScalarLiteral(value).Text);
        }
    }
}
