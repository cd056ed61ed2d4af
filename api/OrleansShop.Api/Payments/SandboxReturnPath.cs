namespace OrleansShop.Api.Payments;

/// <summary>
/// Where the Alipay page sends the shopper once they approve or cancel. A real provider takes this URL from the
/// merchant's server with the charge; the contract's <c>payOrder</c> carries none, so the shop's web app appends it to
/// the page's address. Only a path on this host is followed (the sandbox is mounted in the shop), never another site: the
/// page must not become an open redirect.
/// </summary>
internal static class SandboxReturnPath
{
    public const string QueryName = "return";

    /// <summary>The request's return path when it is a plain path on this host; otherwise null.</summary>
    public static string? From(HttpRequest request)
    {
        var value = request.Query[QueryName].ToString();
        if (value.Length is 0 or > 2000 || value[0] != '/' || (value.Length > 1 && value[1] is '/' or '\\'))
        {
            return null;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c == '\\')
            {
                return null;
            }
        }

        return Uri.IsWellFormedUriString(value, UriKind.Relative) ? value : null;
    }

    /// <summary>303 See Other: the browser follows a form post's answer with a GET of the shop's page.</summary>
    public static IResult SeeOther(string path) => new SeeOtherResult(path);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            httpContext.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }
    }
}
