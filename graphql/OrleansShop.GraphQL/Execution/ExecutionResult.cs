using System.Buffers;
using System.Text;
using System.Text.Json;

namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// The response of one execution (spec 7.1): <c>data</c> (absent for request errors, null when null propagated to the root)
/// and <c>errors</c>. <see cref="WriteTo"/> writes it as UTF-8 JSON without an intermediate object tree.
/// </summary>
public sealed class ExecutionResult
{
    internal ExecutionResult(ResultMap? data, bool hasData, IReadOnlyList<GraphQLError> errors)
    {
        Data = data;
        HasData = hasData;
        Errors = errors;
    }

    /// <summary>The data; null when absent or when null propagated to the root.</summary>
    public ResultMap? Data { get; }

    /// <summary>False for request errors (no <c>data</c> entry in the response), true once execution started.</summary>
    public bool HasData { get; }

    public IReadOnlyList<GraphQLError> Errors { get; }

    public static ExecutionResult FromErrors(IReadOnlyList<GraphQLError> errors) => new(null, false, errors);

    public static ExecutionResult FromError(string message, string? code = null) =>
        FromErrors([new GraphQLError(message, extensions: code is null ? null : new Dictionary<string, object?> { ["code"] = code })]);

    public void WriteTo(Utf8JsonWriter writer) => ResultWriter.Write(writer, this);

    /// <summary>Writes a bare error list in the response's error shape (e.g. a graphql-transport-ws <c>error</c> payload).</summary>
    public static void WriteErrors(Utf8JsonWriter writer, IReadOnlyList<GraphQLError> errors)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(errors);
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            ResultWriter.WriteError(writer, error);
        }

        writer.WriteEndArray();
    }

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public override string ToString() => ToJson();
}
