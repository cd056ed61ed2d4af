using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>
/// Reads request parameters (GraphQL over HTTP, "Request Parameters") with <see cref="Utf8JsonReader"/>: the document is unescaped
/// straight into a pooled buffer; only <c>variables</c> and <c>extensions</c> become <see cref="JsonElement"/>s.
/// A malformed request yields an error message, which the transport answers with 400.
/// </summary>
internal static class GraphQLRequestReader
{
    /// <summary>Reads a JSON object such as a POST body or a <c>subscribe</c> payload.</summary>
    public static GraphQLRequest? Read(ReadOnlySpan<byte> json, out string? error)
    {
        var request = new GraphQLRequest();
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(request, "The request body must be a JSON object with a \"query\" string.", out error);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("query"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, reader.ValueSpan.Length));
                        var length = reader.ValueIsEscaped ? reader.CopyString(buffer) : Copy(reader.ValueSpan, buffer);
                        request.SetQuery(buffer, length);
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        return Fail(request, "The \"query\" parameter must be a string.", out error);
                    }
                }
                else if (reader.ValueTextEquals("operationName"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        request.OperationName = reader.GetString();
                    }
                    else if (reader.TokenType != JsonTokenType.Null)
                    {
                        return Fail(request, "The \"operationName\" parameter must be a string.", out error);
                    }
                }
                else if (reader.ValueTextEquals("variables"u8))
                {
                    reader.Read();
                    if (!TryReadMap(ref reader, out var variables))
                    {
                        return Fail(request, "The \"variables\" parameter must be a map of variable names to values.", out error);
                    }

                    request.Variables = variables;
                }
                else if (reader.ValueTextEquals("extensions"u8))
                {
                    reader.Read();
                    if (!TryReadMap(ref reader, out var extensions))
                    {
                        return Fail(request, "The \"extensions\" parameter must be a map.", out error);
                    }

                    if (!TryApplyExtensions(request, extensions, out error))
                    {
                        request.Dispose();
                        return null;
                    }
                }
                else
                {
                    // Unknown parameters are ignored (GraphQL over HTTP leaves room for future ones).
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.Read())
            {
                return Fail(request, "The request body must hold a single JSON object.", out error);
            }

            error = null;
            return request;
        }
        catch (JsonException exception)
        {
            return Fail(request, "The request body is not valid JSON: " + exception.Message, out error);
        }
    }

    /// <summary>Reads a GET request's query string: <c>query</c>, <c>operationName</c>, and JSON-encoded <c>variables</c> and <c>extensions</c>.</summary>
    public static GraphQLRequest? Read(IQueryCollection query, out string? error)
    {
        var request = new GraphQLRequest();
        if (query.TryGetValue("query", out var document) && document.Count > 0 && document[0] is { } text)
        {
            request.SetQuery(text);
        }

        if (query.TryGetValue("operationName", out var operationName) && operationName.Count > 0 && !string.IsNullOrEmpty(operationName[0]))
        {
            request.OperationName = operationName[0];
        }

        if (query.TryGetValue("variables", out var variablesText) && !string.IsNullOrEmpty(variablesText[0]))
        {
            if (!TryParseMap(variablesText[0]!, out var variables))
            {
                return Fail(request, "The \"variables\" parameter must be a JSON-encoded map.", out error);
            }

            request.Variables = variables;
        }

        if (query.TryGetValue("extensions", out var extensionsText) && !string.IsNullOrEmpty(extensionsText[0]))
        {
            if (!TryParseMap(extensionsText[0]!, out var extensions))
            {
                return Fail(request, "The \"extensions\" parameter must be a JSON-encoded map.", out error);
            }

            if (!TryApplyExtensions(request, extensions, out error))
            {
                request.Dispose();
                return null;
            }
        }

        error = null;
        return request;
    }

    private static bool TryParseMap(string json, out Dictionary<string, object?>? map)
    {
        map = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            map = ToMap(document.RootElement.Clone());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryReadMap(ref Utf8JsonReader reader, out Dictionary<string, object?>? map)
    {
        map = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }

        map = ToMap(JsonElement.ParseValue(ref reader));
        return true;
    }

    private static Dictionary<string, object?> ToMap(JsonElement element)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = property.Value;
        }

        return map;
    }

    private static bool TryApplyExtensions(GraphQLRequest request, Dictionary<string, object?>? extensions, out string? error)
    {
        error = null;
        request.Extensions = extensions;
        if (extensions is null || !extensions.TryGetValue("persistedQuery", out var value) || value is not JsonElement persisted)
        {
            return true;
        }

        if (persisted.ValueKind != JsonValueKind.Object
            || !persisted.TryGetProperty("sha256Hash", out var hash) || hash.ValueKind != JsonValueKind.String
            || !persisted.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt32(out var versionNumber))
        {
            error = "\"extensions.persistedQuery\" must hold a \"version\" number and a \"sha256Hash\" string.";
            return false;
        }

        request.IsPersistedQuery = true;
        request.PersistedQueryHash = hash.GetString();
        request.PersistedQueryVersion = versionNumber;
        return true;
    }

    private static int Copy(ReadOnlySpan<byte> source, byte[] destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    private static GraphQLRequest? Fail(GraphQLRequest request, string message, out string? error)
    {
        request.Dispose();
        error = message;
        return null;
    }
}
