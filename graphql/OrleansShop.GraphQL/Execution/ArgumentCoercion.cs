using System.Globalization;
using System.Text;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// CoerceArgumentValues (spec 6.4.1): literal and variable arguments of a field, with defaults, as resolvers see them.
/// Like graphql-js, an error names the argument by its coordinate, the path inside its value, and points at the value that failed.
/// </summary>
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

            if (given is null)
            {
                if (argument.HasDefaultValue)
                {
                    result[argument.Name] = argument.DefaultValue;
                }
                else if (argument.Type.IsNonNull)
                {
                    throw Error($"Argument \"{Coordinate(field, argument)}\" of required type \"{argument.Type}\" was not provided.", node);
                }

                continue;
            }

            if (given.Value is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value)))
            {
                if (argument.HasDefaultValue)
                {
                    result[argument.Name] = argument.DefaultValue;
                }
                else if (argument.Type.IsNonNull)
                {
                    throw Error(
                        $"Argument \"{Coordinate(field, argument)}\" of required type \"{argument.Type}\" was provided the variable \"${variable.Name.Value}\" which was not provided a runtime value.",
                        variable);
                }

                continue;
            }

            try
            {
                result[argument.Name] = ValueCoercion.CoerceLiteral(given.Value, argument.Type, variables);
            }
            catch (ValueCoercionException error)
            {
                var failed = error.Node ?? given.Value;
                throw Error($"Argument \"{Coordinate(field, argument)}\" has invalid value{PathTo(given.Value, failed)}: {error.Message}", failed);
            }
        }

        return result;
    }

    private static string Coordinate(FieldDefinition field, InputValueDefinition argument) => $"{field}({argument.Name}:)";

    private static GraphQLException Error(string message, SyntaxNode node) =>
        new(message, ErrorCodes.InvalidArgument)
        {
            Locations = node.Location is { } location ? [new ErrorLocation(location.Line, location.Column)] : null,
        };

    // The path from an argument's value to the literal inside it that failed, printed as graphql-js does: " at .lines[0].quantity".
    private static string PathTo(ValueNode root, ValueNode failed)
    {
        var steps = new List<string>();
        if (ReferenceEquals(root, failed) || !Find(root, failed, steps))
        {
            return string.Empty;
        }

        var text = new StringBuilder(" at ");
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            text.Append(steps[i]);
        }

        return text.ToString();
    }

    private static bool Find(ValueNode node, ValueNode target, List<string> steps)
    {
        if (ReferenceEquals(node, target))
        {
            return true;
        }

        switch (node)
        {
            case ListValueNode list:
                for (var i = 0; i < list.Values.Count; i++)
                {
                    if (Find(list.Values[i], target, steps))
                    {
                        steps.Add("[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                        return true;
                    }
                }

                return false;
            case ObjectValueNode obj:
                foreach (var field in obj.Fields)
                {
                    if (Find(field.Value, target, steps))
                    {
                        steps.Add("." + field.Name.Value);
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
