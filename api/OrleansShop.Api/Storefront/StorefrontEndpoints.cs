using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace OrleansShop.Api.Storefront;

/// <summary>
/// Serves the shop at <c>/</c>: the app's files with cache headers and precompressed bodies, and index.html for every
/// client route (/search, /products/..., /admin/...). Paths of the API's own handlers never fall back to the app, so a
/// mistyped /graphql/... URL is a 404, not a shop page.
/// </summary>
internal static partial class StorefrontEndpoints
{
    private static readonly string[] ServerPaths = ["/graphql", "/dashboard", "/health", "/sandbox", "/payments"];

    public static WebApplication MapStorefront(this WebApplication app)
    {
        var assets = new StorefrontAssets();
        if (assets.Index is null)
        {
            // Built without Node.js: no shop to show, so the root opens the GraphQL IDE as before.
            app.MapGet("/", () => Results.Redirect("/graphql"));
            return app;
        }

        // A catch-all route has the lowest precedence, so every endpoint mapped elsewhere keeps its requests.
        app.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, string? path) => WriteAsync(context, assets, path ?? string.Empty));
        return app;
    }

    private static Task WriteAsync(HttpContext context, StorefrontAssets assets, string path)
    {
        if (assets.Files.TryGetValue(path, out var file) && path != "index.html")
        {
            return WriteFileAsync(context, file);
        }

        var requestPath = context.Request.Path.Value ?? "/";
        if (System.IO.Path.HasExtension(path) || Array.Exists(ServerPaths, p => requestPath.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        return WriteFileAsync(context, assets.Index!);
    }

    /// <summary>
    /// Only what the app needs: its own scripts and styles (no inline code), GraphQL over HTTP and WebSocket to this
    /// host, the payment sandbox on this host, product images from any https host (admins enter their URLs), and no
    /// framing, plugins or foreign form targets.
    /// </summary>
    private static string ContentSecurityPolicy(HttpRequest request)
    {
        // 'self' covers ws: to the same host in the CSP 3 browsers; naming the host as well serves the older ones.
        var host = request.Host.Value is { } h && HostPattern().IsMatch(h) ? $" ws://{h} wss://{h}" : string.Empty;
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; font-src 'self'; "
            + $"connect-src 'self'{host}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static Task WriteFileAsync(HttpContext context, StorefrontFile file)
    {
        var response = context.Response;
        response.Headers.CacheControl = file.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        response.Headers.ETag = file.ETag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.ContentType = file.ContentType;
        if (context.Request.Headers.IfNoneMatch.ToString().Contains(file.ETag, StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = file.Content;
        var accepted = context.Request.GetTypedHeaders().AcceptEncoding;
        if (file.Brotli is not null && Accepts(accepted, "br"))
        {
            body = file.Brotli;
            response.Headers.ContentEncoding = "br";
        }
        else if (file.Gzip is not null && Accepts(accepted, "gzip"))
        {
            body = file.Gzip;
            response.Headers.ContentEncoding = "gzip";
        }

        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string coding) =>
        accepted.Any(a => string.Equals(a.Value.Value, coding, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);

    [GeneratedRegex(@"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")]
    private static partial Regex HostPattern();
}
