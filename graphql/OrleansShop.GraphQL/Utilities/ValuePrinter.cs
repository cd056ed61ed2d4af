using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Utilities;

/// <summary>
/// Prints an internal value as a GraphQL literal of a given type (graphql-js <c>astFromValue</c> then <c>print</c>), for default
/// values in SDL and in <c>__InputValue.defaultValue</c>. Cold path: CLR input objects are read by reflection.
/// </summary>
internal static class ValuePrinter
{
    /// <param name="value">The internal value.</param>
    /// <param name="type">Its input type.</param>
    /// <param name="sortFields">Print input object fields sorted by name, as after graphql-js <c>lexicographicSortSchema</c>.</param>
    public static string? Print(object? value, GraphQLType type, bool sortFields = false)
    {
        if (value is null && !type.IsNonNull)
        {
            return "null";
        }

        var builder = new StringBuilder();
        return Append(builder, value, type, sortFields) ? builder.ToString() : null;
    }

    /// <summary>The default value of an argument or input field as a literal: as written in SDL, else printed from the value.</summary>
    public static string? PrintDefault(InputValueDefinition value, bool sortFields = false)
    {
        if (!value.HasDefaultValue)
        {
            return null;
        }

        if (value.DefaultValueLiteral is { } literal)
        {
            try
            {
                return Language.Printer.Print(literal);
            }
            catch (NotImplementedException)
            {
                // Fall back to printing the coerced value.
            }
        }

        return Print(value.DefaultValue, value.Type, sortFields);
    }

    public static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        AppendString(builder, value);
        return builder.ToString();
    }

    private static bool Append(StringBuilder builder, object? value, GraphQLType type, bool sortFields)
    {
        if (type is NonNullType nonNull)
        {
            return value is not null && Append(builder, value, nonNull.OfType, sortFields);
        }

        if (value is null)
        {
            builder.Append("null");
            return true;
        }

        switch (type)
        {
            case ListType list:
                if (value is IEnumerable items and not string)
                {
                    builder.Append('[');
                    var first = true;
                    foreach (var item in items)
                    {
                        if (!first)
                        {
                            builder.Append(", ");
                        }

                        if (!Append(builder, item, list.OfType, sortFields))
                        {
                            return false;
                        }

                        first = false;
                    }

                    builder.Append(']');
                    return true;
                }

                return Append(builder, value, list.OfType, sortFields);
            case InputObjectType inputObject:
                // graphql-js 17 prints object values as "{ a: 1 }".
                builder.Append('{');
                var firstField = true;
                foreach (var field in sortFields ? inputObject.Fields.OrderBy(f => f.Name, StringComparer.Ordinal) : (IEnumerable<InputValueDefinition>)inputObject.Fields)
                {
                    if (!TryReadField(value, field, out var fieldValue))
                    {
                        continue;
                    }

                    builder.Append(firstField ? " " : ", ");
                    builder.Append(field.Name).Append(": ");
                    if (!Append(builder, fieldValue, field.Type, sortFields))
                    {
                        return false;
                    }

                    firstField = false;
                }

                builder.Append(firstField ? "}" : " }");
                return true;
            case EnumType enumType:
                builder.Append(enumType.Serialize(value));
                return true;
            case ScalarType scalar:
                var serialized = scalar.Serialize(value);
                switch (serialized)
                {
                    case bool b:
                        builder.Append(b ? "true" : "false");
                        return true;
                    case string s when ReferenceEquals(scalar, ScalarType.ID) && IsIntegerText(s):
                        builder.Append(s);
                        return true;
                    case string s:
                        AppendString(builder, s);
                        return true;
                    case double d:
                        builder.Append(d.ToString("R", CultureInfo.InvariantCulture));
                        return true;
                    case IFormattable number:
                        builder.Append(number.ToString(null, CultureInfo.InvariantCulture));
                        return true;
                    default:
                        return false;
                }

            default:
                return false;
        }
    }

    private static bool TryReadField(object value, InputValueDefinition field, out object? fieldValue)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(field.Name, out fieldValue);
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(field.Name, out fieldValue);
        }

        var property = field.RuntimeMemberName is null ? null : value.GetType().GetProperty(field.RuntimeMemberName, BindingFlags.Public | BindingFlags.Instance);
        fieldValue = property?.GetValue(value);
        return property is not null;
    }

    private static bool IsIntegerText(string s)
    {
        if (s.Length == 0 || s.Length > 18)
        {
            return false;
        }

        var start = s[0] == '-' ? 1 : 0;
        if (start == s.Length || (s[start] == '0' && s.Length > start + 1))
        {
            return false;
        }

        for (var i = start; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Like graphql-js printString: escape quotes, backslashes and control characters; keep other Unicode as is.
    private static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
