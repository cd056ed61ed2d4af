using System.Collections.Frozen;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace OrleansShop.GraphQL.AspNetCore.Ide;

/// <summary>
/// GraphiQL, built from npm at build time (ide/ in this project) and embedded in the assembly, so the IDE needs no CDN.
/// The page is served at the endpoint itself and its files under <c>{endpoint}/ide/</c>.
/// </summary>
internal sealed class IdeAssets
{
    private const string ResourcePrefix = "GraphiQL/";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly FrozenDictionary<string, string> _resources;
    private readonly string? _indexHtml;

    public IdeAssets()
    {
        var assembly = typeof(IdeAssets).Assembly;
        var resources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                resources[name[ResourcePrefix.Length..].Replace('\\', '/')] = name;
            }
        }

        _resources = resources.ToFrozenDictionary(StringComparer.Ordinal);
        if (_resources.TryGetValue("index.html", out var index))
        {
            using var stream = assembly.GetManifestResourceStream(index)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            _indexHtml = reader.ReadToEnd();
        }
    }

    /// <summary>False when the build had no Node.js to build GraphiQL with.</summary>
    public bool IsAvailable => _indexHtml is not null;

    /// <summary>
    /// The GraphiQL page for the endpoint the browser asked for: a base URL so its relative asset paths load from
    /// <c>{endpoint}/ide/</c>, and the endpoint's path, from which the page derives its http and ws URLs.
    /// </summary>
    public Task WritePageAsync(HttpContext context)
    {
        var response = context.Response;
        if (_indexHtml is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/plain; charset=utf-8";
            return response.WriteAsync("GraphiQL was not built into this assembly (Node.js was missing at build time). POST GraphQL requests to this URL, or use any GraphQL IDE.", context.RequestAborted);
        }

        var endpoint = (context.Request.PathBase + context.Request.Path).Value!.TrimEnd('/');
        var head = "<head>\n    <base href=\"" + WebUtility.HtmlEncode(endpoint + "/ide/") + "\">\n    <meta name=\"graphql-endpoint\" content=\"" + WebUtility.HtmlEncode(endpoint) + "\">";
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        return response.WriteAsync(_indexHtml.Replace("<head>", head, StringComparison.Ordinal), context.RequestAborted);
    }

    /// <summary>Serves one of GraphiQL's files; their names carry content hashes, so browsers may keep them for a year.</summary>
    public async Task WriteAssetAsync(HttpContext context, string path)
    {
        var response = context.Response;
        if (!_resources.TryGetValue(path, out var resource) || path == "index.html")
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!ContentTypes.TryGetContentType(path, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers.CacheControl = path.StartsWith("assets/", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache";
        await using var stream = typeof(IdeAssets).Assembly.GetManifestResourceStream(resource)!;
        response.ContentLength = stream.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await stream.CopyToAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
