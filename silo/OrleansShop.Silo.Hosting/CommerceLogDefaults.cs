using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Log levels a shop host starts from: warnings and errors from the runtime and the frameworks, information from the
/// shop itself. At Information, Orleans' placement logs two Polly lines per activation, its streams a line per stream
/// a grain lets go of, and ASP.NET Core four lines per request (the API writes one of its own), which buries what an operator needs. These sit below
/// every other configuration source, so <c>Logging__LogLevel__Orleans=Information</c> (or appsettings) still wins.
/// </summary>
public static class CommerceLogDefaults
{
    private static readonly Dictionary<string, string?> Levels = new(StringComparer.Ordinal)
    {
        ["Logging:LogLevel:Orleans"] = "Warning",

        // Category rules match by prefix, so the rule above would silence the shop's own categories too.
        ["Logging:LogLevel:OrleansShop"] = "Information",
        ["Logging:LogLevel:Polly"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    public static IHostApplicationBuilder AddCommerceLogDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
        return builder;
    }
}
