using System.Collections;
using System.Globalization;
using System.Text.Json;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;
using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// Input coercion (spec 5.6 Input Values, 6.1.2 Coercing Variable Values, 6.4.1 Coercing Field Arguments):
/// turns variable values (JSON-like .NET values or <see cref="JsonElement"/>s) and literals into the values resolvers see.
/// Failures throw <see cref="ValueCoercionException"/> whose message names the offending path.
/// </summary>
internal static class ValueCoercion
{
    /// <summary>
    /// Coerces a variable value of the given type (graphql-js <c>coerceInputValue</c>, with <c>validateInputValue</c>'s messages).
    /// On failure the exception's <see cref="ValueCoercionException.InputPath"/> says where inside the value it failed.
    /// </summary>
    public static object? CoerceInputValue(object? value, GraphQLType type)
    {
        if (value is JsonElement element)
        {
            value = FromJson(element);
        }

        if (type is NonNullType nonNull)
        {
            if (value is null)
            {
                throw new ValueCoercionException($"Expected value of non-null type \"{type}\" not to be null.");
            }

            return CoerceInputValue(value, nonNull.OfType);
        }

        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (value is IEnumerable items and not string and not IDictionary and not IReadOnlyDictionary<string, object?>)
                {
                    var result = new List<object?>();
                    foreach (var item in items)
                    {
                        try
                        {
                            result.Add(CoerceInputValue(item, list.OfType));
                        }
                        catch (ValueCoercionException error)
                        {
                            error.AddOuterPathSegment(result.Count);
                            throw;
                        }
                    }

                    return result;
                }

                // Input coercion of a single value to a list wraps it (spec 3.11 List, "Input Coercion").
                return new List<object?> { CoerceInputValue(value, list.OfType) };
            case InputObjectType inputObject:
                return CoerceInputObject(value, inputObject);
            case ScalarType scalar:
                return scalar.ParseValue(value);
            case EnumType enumType:
                return enumType.ParseValue(value);
            default:
                throw new ValueCoercionException($"Type \"{type}\" is not an input type.");
        }
    }

    /// <summary>
    /// Coerces a literal (spec "valueFromAST"); variables inside it are looked up in <paramref name="variables"/> (coerced values).
    /// A variable that was not provided counts as absent, so the caller applies a default.
    /// </summary>
    public static object? CoerceLiteral(ValueNode node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables)
    {
        try
        {
            return CoerceLiteralCore(node, type, variables);
        }
        catch (ValueCoercionException error) when (error.Node is null)
        {
            // The innermost literal that failed; the argument's error points at it.
            error.Node = node;
            throw;
        }
    }

    private static object? CoerceLiteralCore(ValueNode node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var variableValue))
            {
                throw new ValueCoercionException($"Variable \"${variable.Name.Value}\" was not provided.");
            }

            if (variableValue is null && type.IsNonNull)
            {
                throw new ValueCoercionException($"Expected variable \"${variable.Name.Value}\" provided to non-null type \"{type}\" not to be null.");
            }

            return variableValue;
        }

        if (type is NonNullType nonNull)
        {
            if (node is NullValueNode)
            {
                throw new ValueCoercionException($"Expected value of non-null type \"{type}\" not to be null.");
            }

            return CoerceLiteralCore(node, nonNull.OfType, variables);
        }

        if (node is NullValueNode)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (node is ListValueNode listNode)
                {
                    var result = new List<object?>(listNode.Values.Count);
                    foreach (var item in listNode.Values)
                    {
                        if (item is VariableNode itemVariable && (variables is null || !variables.ContainsKey(itemVariable.Name.Value)))
                        {
                            if (list.OfType.IsNonNull)
                            {
                                throw new ValueCoercionException($"Variable \"${itemVariable.Name.Value}\" was not provided.") { Node = itemVariable };
                            }

                            result.Add(null);
                            continue;
                        }

                        result.Add(CoerceLiteral(item, list.OfType, variables));
                    }

                    return result;
                }

                return new List<object?> { CoerceLiteral(node, list.OfType, variables) };
            case InputObjectType inputObject:
                return CoerceObjectLiteral(node, inputObject, variables);
            case ScalarType { ParsesLiteralsUntyped: true } untypedScalar:
                return untypedScalar.ParseValue(Untyped(node, variables)!);
            case ScalarType scalar:
                return scalar.ParseLiteral(ToScalarLiteral(node));
            case EnumType enumType:
                if (node is not EnumValueNode enumNode)
                {
                    throw new ValueCoercionException($"Enum \"{enumType.Name}\" cannot represent non-enum value: {Print(node)}.");
                }

                return enumType.GetValue(enumNode.Value)?.Value
                    ?? throw new ValueCoercionException(
                        $"Value \"{enumNode.Value}\" does not exist in \"{enumType.Name}\" enum."
                        + Validation.Suggestions.DidYouMean(Validation.Suggestions.List(enumNode.Value, enumType.Values.Select(v => v.Name)), "the enum value"));
            default:
                throw new ValueCoercionException($"Type \"{type}\" is not an input type.");
        }
    }

    /// <summary>A literal as plain .NET values, without a type to guide it (graphql-js <c>valueFromASTUntyped</c>).</summary>
    public static object? Untyped(ValueNode node, IReadOnlyDictionary<string, object?>? variables) => node switch
    {
        // Each branch boxed on its own: a ternary over int, long and double would make every integer a double.
        IntValueNode i => int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? (object)n
            : long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? (object)l
            : double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        EnumValueNode e => e.Value,
        ListValueNode list => list.Values.Select(v => Untyped(v, variables)).ToList(),
        ObjectValueNode obj => obj.Fields.ToDictionary(f => f.Name.Value, f => Untyped(f.Value, variables), StringComparer.Ordinal),
        VariableNode v => variables?.GetValueOrDefault(v.Name.Value),
        _ => null,
    };

    /// <summary>Turns a JSON value into plain .NET values: objects become dictionaries, numbers int, long or double.</summary>
    public static object? FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = FromJson(property.Value);
                }

                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromJson(item));
                }

                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt32(out var i))
                {
                    return i;
                }

                if (element.TryGetInt64(out var l))
                {
                    return l;
                }

                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    public static ScalarLiteral ToScalarLiteral(ValueNode node) => ToScalarLiteralKindAndText(node) with { Syntax = node };

    private static ScalarLiteral ToScalarLiteralKindAndText(ValueNode node) => node switch
    {
        IntValueNode i => new ScalarLiteral(ScalarLiteralKind.Int, i.Value),
        FloatValueNode f => new ScalarLiteral(ScalarLiteralKind.Float, f.Value),
        StringValueNode s => new ScalarLiteral(ScalarLiteralKind.String, s.Value),
        BooleanValueNode b => new ScalarLiteral(ScalarLiteralKind.Boolean, b.Value ? "true" : "false"),
        EnumValueNode e => new ScalarLiteral(ScalarLiteralKind.Enum, e.Value),
        NullValueNode => new ScalarLiteral(ScalarLiteralKind.Null, "null"),
        ListValueNode => new ScalarLiteral(ScalarLiteralKind.List, Print(node)),
        _ => new ScalarLiteral(ScalarLiteralKind.Object, Print(node)),
    };

    /// <summary>Builds the coerced value of an input object from its coerced fields: the bound CLR instance or a read-only dictionary.</summary>
    public static object Complete(InputObjectType type, Dictionary<string, object?> fields) =>
        type.Binder is { } binder ? binder(fields) : fields;

    private static object CoerceInputObject(object value, InputObjectType type)
    {
        if (value is not IReadOnlyDictionary<string, object?> && value is IDictionary<string, object?> mutable)
        {
            value = new ReadOnlyDictionaryAdapter(mutable);
        }

        if (value is not IReadOnlyDictionary<string, object?> map)
        {
            if (type.RuntimeType is not null && type.RuntimeType.IsInstanceOfType(value))
            {
                return value;
            }

            throw new ValueCoercionException($"Expected value of type \"{type.Name}\" to be an object, found: {ValueInspector.Inspect(value)}.");
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (map.TryGetValue(field.Name, out var fieldValue))
            {
                try
                {
                    result[field.Name] = CoerceInputValue(fieldValue, field.Type);
                }
                catch (ValueCoercionException error)
                {
                    error.AddOuterPathSegment(field.Name);
                    throw;
                }
            }
            else if (field.HasDefaultValue)
            {
                result[field.Name] = field.DefaultValue;
            }
            else if (field.Type.IsNonNull)
            {
                throw new ValueCoercionException($"Expected value of type \"{type.Name}\" to include required field \"{field.Name}\", found: {ValueInspector.Inspect(map)}.");
            }
        }

        foreach (var key in map.Keys)
        {
            if (type.GetField(key) is null)
            {
                var suggestions = Validation.Suggestions.List(key, type.Fields.Select(f => f.Name));
                throw new ValueCoercionException(
                    $"Expected value of type \"{type.Name}\" not to include unknown field \"{key}\""
                    + (suggestions.Count > 0 ? "." + Validation.Suggestions.DidYouMean(suggestions) + " Found" : ", found")
                    + $": {ValueInspector.Inspect(map)}.");
            }
        }

        if (type.IsOneOf)
        {
            var oneOfMessage = $"Within OneOf Input Object type \"{type.Name}\", exactly one field must be specified, and the value for that field must be non-null.";
            if (map.Count != 1)
            {
                throw new ValueCoercionException(oneOfMessage);
            }

            foreach (var (key, fieldValue) in map)
            {
                if (fieldValue is null || fieldValue is JsonElement { ValueKind: JsonValueKind.Null })
                {
                    var error = new ValueCoercionException(oneOfMessage);
                    error.AddOuterPathSegment(key);
                    throw error;
                }
            }
        }

        return Complete(type, result);
    }

    private static object CoerceObjectLiteral(ValueNode node, InputObjectType type, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is not ObjectValueNode objectNode)
        {
            throw new ValueCoercionException($"Expected value of type \"{type.Name}\" to be an object, found: {Print(node)}.");
        }

        var given = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
        foreach (var field in objectNode.Fields)
        {
            if (type.GetField(field.Name.Value) is null)
            {
                var suggestions = Validation.Suggestions.List(field.Name.Value, type.Fields.Select(f => f.Name));
                throw new ValueCoercionException(
                    $"Expected value of type \"{type.Name}\" not to include unknown field \"{field.Name.Value}\""
                    + (suggestions.Count > 0 ? "." + Validation.Suggestions.DidYouMean(suggestions) + " Found" : ", found")
                    + $": {Print(node)}.");
            }

            given[field.Name.Value] = field.Value;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            var provided = given.TryGetValue(field.Name, out var fieldNode)
                && !(fieldNode is VariableNode v && (variables is null || !variables.ContainsKey(v.Name.Value)));
            if (provided)
            {
                result[field.Name] = CoerceLiteral(fieldNode!, field.Type, variables);
            }
            else if (field.HasDefaultValue)
            {
                result[field.Name] = field.DefaultValue;
            }
            else if (field.Type.IsNonNull)
            {
                throw new ValueCoercionException($"Expected value of type \"{type.Name}\" to include required field \"{field.Name}\", found: {Print(node)}.");
            }
        }

        if (type.IsOneOf)
        {
            var oneOfMessage = $"Within OneOf Input Object type \"{type.Name}\", exactly one field must be specified, and the value for that field must be non-null.";
            if (given.Count != 1)
            {
                throw new ValueCoercionException(oneOfMessage);
            }

            foreach (var (key, _) in given)
            {
                if (!result.TryGetValue(key, out var value) || value is null)
                {
                    throw new ValueCoercionException(oneOfMessage) { Node = given[key] };
                }
            }
        }

        return Complete(type, result);
    }

    private static string Print(ValueNode node)
    {
        try
        {
            return Printer.Print(node);
        }
        catch (NotImplementedException)
        {
            return node.Kind.ToString();
        }
    }

    private sealed class ReadOnlyDictionaryAdapter(IDictionary<string, object?> inner) : IReadOnlyDictionary<string, object?>
    {
        public int Count => inner.Count;

        public IEnumerable<string> Keys => inner.Keys;

        public IEnumerable<object?> Values => inner.Values;

        public object? this[string key] => inner[key];

        public bool ContainsKey(string key) => inner.ContainsKey(key);

        public bool TryGetValue(string key, out object? value) => inner.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => inner.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => inner.GetEnumerator();
    }
}
