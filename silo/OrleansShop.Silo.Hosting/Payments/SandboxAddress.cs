using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace OrleansShop.Silo.Hosting.Payments;

/// <summary>
/// Where the sandbox lives: configured, or this process's own first listening address, known only once the server has
/// started (a port 0 in tests, a wildcard host in containers).
/// </summary>
public sealed class SandboxAddress(IOptions<SandboxOptions> options, IServer server)
{
    private Uri? resolved;

    public Uri BaseUrl => resolved ??= Resolve();

    public Uri Combine(string path) => new(BaseUrl, path);

    private Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl))
        {
            return new Uri(options.Value.BaseUrl.TrimEnd('/') + "/");
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"The server has no listening address yet; set {SandboxOptions.Section}:BaseUrl.");
        var builder = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "127.0.0.1";
        }

        builder.Path = "/";
        return builder.Uri;
    }
}
