using System.Net;
using System.Text.RegularExpressions;
using OrleansShop.Web.Tests.Support;

namespace OrleansShop.Web.Tests;

/// <summary>How the API process serves the built app: cache headers, compression, the client-route fallback and the CSP.</summary>
public sealed partial class StorefrontServingTests(ShopProcess shop)
{
    [Fact]
    public async Task Root_and_client_routes_serve_the_app_page_uncached_under_a_content_security_policy()
    {
        RequireBuiltApp();
        foreach (var path in new[] { "/", "/search?q=chair", "/products/some-slug", "/admin/orders" })
        {
            using var response = await GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
            Assert.Contains("<div id=\"root\"></div>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hashed_assets_are_immutable_and_sent_compressed_as_the_client_accepts()
    {
        RequireBuiltApp();
        using var page = await GetAsync("/");
        var script = ScriptPattern().Match(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value;
        Assert.StartsWith("/assets/", script, StringComparison.Ordinal);

        using var plain = await GetAsync(script);
        var raw = await plain.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("public, max-age=31536000, immutable", plain.Headers.CacheControl?.ToString());
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        using var brotli = await GetAsync(script, "gzip, deflate, br");
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        using var gzip = await GetAsync(script, "gzip");
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.True(brotli.Content.Headers.ContentLength < gzip.Content.Headers.ContentLength);
        Assert.True(gzip.Content.Headers.ContentLength < raw.Length / 2);
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);

        using var again = new HttpRequestMessage(HttpMethod.Get, script);
        again.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
        using var notModified = await shop.Http.SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Server_paths_keep_their_handlers_and_unknown_files_are_not_found()
    {
        RequireBuiltApp();
        using var health = await GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        using var ide = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        ide.Headers.Accept.ParseAdd("text/html");
        using var idePage = await shop.Http.SendAsync(ide, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<div id=\"root\"></div>", await idePage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        foreach (var path in new[] { "/graphql/nothing", "/sandbox/nothing", "/assets/missing-0000.js", "/robots.txt" })
        {
            using var response = await GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await shop.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static void RequireBuiltApp()
    {
        if (!File.Exists(Path.Combine(WebTools.WebDirectory, "dist", "index.html")))
        {
            WebTools.Unavailable("The web app was not built (no npm when the API was built): the API serves no shop.");
        }
    }

    [GeneratedRegex("<script type=\"module\" crossorigin src=\"([^\"]+)\"")]
    private static partial Regex ScriptPattern();
}
