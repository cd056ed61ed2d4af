using System.Text.Encodings.Web;
using System.Text.Json;

namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>How the transport writes JSON responses.</summary>
internal static class ResultJsonWriter
{
    /// <summary>Relaxed escaping: responses are JSON consumed by clients, never inlined into HTML, so non-ASCII stays as UTF-8.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

}
