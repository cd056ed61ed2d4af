using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>What an operator reads at the default level: one line per request, and nothing per grain.</summary>
public sealed class LogVolumeTests
{
    [Fact]
    public async Task At_information_a_request_writes_one_line_and_activations_and_shutdown_write_none()
    {
        var logs = new CapturingLoggerProvider();
        var server = await ShopServer.StartAsync(
            settings: ["Logging:LogLevel:Default=Information", "Logging:LogLevel:OrleansShop=Information"],
            configure: builder => builder.Services.AddSingleton<ILoggerProvider>(logs));
        string[] started;
        try
        {
            // Twenty products activate forty grains (product and stock) and their streams.
            var admin = await server.AdminTokenAsync();
            for (var i = 0; i < 20; i++)
            {
                await server.CreateProductAsync(admin, stock: 3);
            }

            // A request's line is written as its response ends, which can be just after the client has read it.
            started = await SettledAsync(logs);
            await server.PostAsync("{ products(first: 20) { nodes { name stock { available } } } }");
            await server.PostAsync("{ __typename }");
        }
        finally
        {
            await server.DisposeAsync(); // deactivates every grain
        }

        var entries = logs.Entries.ToArray();
        var requests = entries.Skip(started.Length).Where(e => e.StartsWith("Information OrleansShop.Api.Requests:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.StartsWith("Information OrleansShop.Api.Requests: POST /graphql 200 ", r, StringComparison.Ordinal));
        var perRequestOrGrain = entries.Where(e =>
            e.StartsWith("Information Orleans.", StringComparison.Ordinal) || e.StartsWith("Information Polly", StringComparison.Ordinal)
            || e.StartsWith("Information Microsoft.AspNetCore", StringComparison.Ordinal)).ToList();
        Assert.True(perRequestOrGrain.Count == 0, string.Join(Environment.NewLine, perRequestOrGrain.Take(5)));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("Information", 2)]
    public async Task Outside_development_request_lines_are_off_unless_configured(string? level, int expectedLines)
    {
        var logs = new CapturingLoggerProvider();
        string[] settings =
        [
            "environment=Production",
            "OrleansShop:Auth:SigningKey=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            "OrleansShop:Payments:Sandbox:WebhookSecret=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            "Logging:LogLevel:Default=Information",
            "Logging:LogLevel:OrleansShop=Information",
            .. level is null ? Array.Empty<string>() : ["Logging:LogLevel:OrleansShop.Api.Requests=" + level],
        ];
        await using (var server = await ShopServer.StartAsync(settings: settings, configure: builder => builder.Services.AddSingleton<ILoggerProvider>(logs)))
        {
            var started = await SettledAsync(logs);
            await server.PostAsync("{ __typename }");
            await server.PostAsync("{ __typename }");
            var after = await SettledAsync(logs);
            Assert.Equal(expectedLines, after.Skip(started.Length).Count(e => e.StartsWith("Information OrleansShop.Api.Requests:", StringComparison.Ordinal)));
        }
    }

    private static async Task<string[]> SettledAsync(CapturingLoggerProvider logs)
    {
        var seen = logs.Entries.ToArray();
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
            var now = logs.Entries.ToArray();
            if (now.Length == seen.Length)
            {
                return now;
            }

            seen = now;
        }
    }
}
