using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>
/// Writes what the engine's <see cref="ExecutionResult.WriteTo"/> does not: the bare error list of a graphql-transport-ws
/// <c>error</c> message, with the same shape (spec 7.1.2).
/// </summary>
internal static class ResultJsonWriter
{
    /// <summary>Relaxed escaping: responses are JSON consumed by clients, never inlined into HTML, so non-ASCII stays as UTF-8.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteErrors(Utf8JsonWriter writer, IReadOnlyList<GraphQLError> errors)
    {
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("message"u8, error.Message);
            if (error.Locations.Count > 0)
            {
                writer.WritePropertyName("locations"u8);
                writer.WriteStartArray();
                foreach (var location in error.Locations)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("line"u8, location.Line);
                    writer.WriteNumber("column"u8, location.Column);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (error.Path is { } path)
            {
                writer.WritePropertyName("path"u8);
                WriteValue(writer, path);
            }

            if (error.Extensions is { Count: > 0 } extensions)
            {
                writer.WritePropertyName("extensions"u8);
                WriteValue(writer, extensions);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes an error's path or extension value: JSON-shaped .NET values.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case float number:
                writer.WriteNumberValue(number);
                break;
            case short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case DateTimeOffset moment:
                writer.WriteStringValue(moment);
                break;
            case DateTime moment:
                writer.WriteStringValue(moment);
                break;
            case Guid id:
                writer.WriteStringValue(id);
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
