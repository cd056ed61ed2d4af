using System.Buffers;
using System.Text;

namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>
/// The parameters of one GraphQL request (GraphQL over HTTP, "Request Parameters"), from a POST body, a GET query string or a
/// graphql-transport-ws <c>subscribe</c> payload. The document stays UTF-8 in a pooled buffer: a cache hit never decodes it.
/// </summary>
internal sealed class GraphQLRequest : IDisposable
{
    private byte[]? _queryBuffer;
    private int _queryLength;

    /// <summary>The document's UTF-8 text, or empty when the request sent none.</summary>
    public ReadOnlySpan<byte> Query => _queryBuffer is null ? default : _queryBuffer.AsSpan(0, _queryLength);

    public bool HasQuery => _queryBuffer is not null;

    public string? OperationName { get; set; }

    /// <summary>Variable values as <see cref="System.Text.Json.JsonElement"/>s.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; set; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; set; }

    /// <summary><c>extensions.persistedQuery.sha256Hash</c> (Apollo automatic persisted queries).</summary>
    public string? PersistedQueryHash { get; set; }

    /// <summary><c>extensions.persistedQuery.version</c>; only version 1 exists.</summary>
    public int PersistedQueryVersion { get; set; }

    /// <summary>The request carried <c>extensions.persistedQuery</c>.</summary>
    public bool IsPersistedQuery { get; set; }

    /// <summary>Takes ownership of a pooled buffer holding the document.</summary>
    public void SetQuery(byte[] pooledBuffer, int length)
    {
        ReturnBuffer();
        _queryBuffer = pooledBuffer;
        _queryLength = length;
    }

    public void SetQuery(string query)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(query.Length));
        SetQuery(buffer, Encoding.UTF8.GetBytes(query, buffer));
    }

    public string QueryText() => Encoding.UTF8.GetString(Query);

    public void Dispose() => ReturnBuffer();

    private void ReturnBuffer()
    {
        if (_queryBuffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_queryBuffer);
            _queryBuffer = null;
        }
    }
}
