using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>The Orleans dashboard of the co-hosted silo: on by default in Development only; administrators only, except in Development.</summary>
public sealed class DashboardTests
{
    private static string[] Production(params string[] more) =>
    [
        "environment=Production",
        "OrleansShop:Auth:SigningKey=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        "OrleansShop:Payments:Sandbox:WebhookSecret=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        .. more,
    ];

    [Fact]
    public async Task Outside_development_the_dashboard_is_off_unless_an_operator_turns_it_on()
    {
        await using var server = await ShopServer.StartAsync(settings: Production());

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(server, await server.AdminTokenAsync()));
        Assert.DoesNotContain(server.Services.GetServices<IHostedService>(), IsDashboards);
    }

    [Fact]
    public async Task Outside_development_a_dashboard_turned_on_answers_administrators_only()
    {
        await using var server = await ShopServer.StartAsync(settings: Production("OrleansShop:Dashboard:Enabled=true"));
        var customer = (await server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        var admin = await server.AdminTokenAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(server, accessToken: null));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(server, customer));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, admin));
    }

    [Fact]
    public async Task In_development_the_dashboard_is_open_on_localhost()
    {
        await using var server = await ShopServer.StartAsync();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, accessToken: null));
        Assert.Contains(server.Services.GetServices<IHostedService>(), IsDashboards);
    }

    [Fact]
    public async Task An_operator_can_turn_the_dashboard_off()
    {
        await using var server = await ShopServer.StartAsync(settings: ["OrleansShop:Dashboard:Enabled=false"]);

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(server, await server.AdminTokenAsync()));
        Assert.DoesNotContain(server.Services.GetServices<IHostedService>(), IsDashboards);
    }

    /// <summary>The dashboard's host (internal to its package), which keeps a listener on Orleans' meters.</summary>
    private static bool IsDashboards(IHostedService service) => service.GetType().Namespace == "Orleans.Dashboard";

    private static async Task<HttpStatusCode> StatusAsync(ShopServer server, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
