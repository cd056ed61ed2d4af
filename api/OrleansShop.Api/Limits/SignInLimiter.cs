using Microsoft.Extensions.Options;

namespace OrleansShop.Api.Limits;

/// <summary>
/// Counts login and register attempts per email address and per IP address, before any password is checked, so a guesser
/// soon waits however it spreads its attempts.
/// </summary>
internal sealed class SignInLimiter(IOptions<RateLimitingOptions> options, TimeProvider time, IHttpContextAccessor http)
{
    private readonly RateLimitingOptions settings = options.Value;
    private readonly ClientBuckets perEmail = new(options.Value.MaxTrackedClients, time);
    private readonly ClientBuckets perIp = new(options.Value.MaxTrackedClients, time);

    /// <summary>Records an attempt for <paramref name="email"/>; returns how long to wait when it is one too many, else null.</summary>
    public TimeSpan? Attempt(string? email)
    {
        if (!settings.Enabled)
        {
            return null;
        }

        var address = http.HttpContext is { } context ? ClientAddress.Of(context) : "local";
        if (!perIp.TryTake(address, settings.SignIn.PerIp, 1, out var wait))
        {
            return wait;
        }

        var key = (email ?? string.Empty).Trim().ToUpperInvariant();
        return perEmail.TryTake(key, settings.SignIn.PerEmail, 1, out wait) ? null : wait;
    }
}
