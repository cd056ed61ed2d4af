using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrleansShop.GraphQL.Utilities;

/// <summary>Renders a runtime value for an error message the way graphql-js's <c>inspect</c> does: strings quoted, lists and objects spelled out.</summary>
internal static class ValueInspector
{
    public static string Inspect(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value, 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string s:
                builder.Append(JsonSerializer.Serialize(s));
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case double d:
                builder.Append(double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float f:
                Append(builder, (double)f, depth);
                break;
            case IFormattable formattable when value.GetType().IsPrimitive || value is decimal:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case Enum e:
                builder.Append(e.ToString());
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                if (depth > 2)
                {
                    builder.Append("[Object]");
                    break;
                }

                builder.Append('{');
                var first = true;
                foreach (var (key, item) in map)
                {
                    builder.Append(first ? " " : ", ").Append(key).Append(": ");
                    Append(builder, item, depth + 1);
                    first = false;
                }

                builder.Append(first ? "}" : " }");
                break;
            case IEnumerable list:
                if (depth > 2)
                {
                    builder.Append("[Array]");
                    break;
                }

                builder.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem)
                    {
                        builder.Append(", ");
                    }

                    Append(builder, item, depth + 1);
                    firstItem = false;
                }

                builder.Append(']');
                break;
            default:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture) ?? value.GetType().Name);
                break;
        }
    }
}
