using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>What a payment leaves in the logs.</summary>
public sealed class PaymentLoggingTests
{
    [Fact]
    public async Task A_card_payment_logs_no_failed_sign_in_while_a_bad_access_token_still_does()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = await ShopServer.StartAsync(
            settings: ["Logging:LogLevel:Default=Information", "Logging:LogLevel:Microsoft.AspNetCore=Information", "Logging:LogLevel:OrleansShop=Information"],
            configure: builder => builder.Services.AddSingleton<ILoggerProvider>(logs));
        var productId = await server.CreateProductAsync(stock: 5);
        var customer = (await server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();

        // The shop's gateway calls the sandbox with the sandbox's own bearer key: not a shop sign-in to fail.
        await server.BuyAsync(customer, productId);
        Assert.DoesNotContain(logs.Entries, e => e.Contains("was not authenticated", StringComparison.Ordinal));

        await server.PostAsync("{ me { id } }", accessToken: customer + "tampered");
        Assert.Contains(logs.Entries, e => e.Contains("was not authenticated", StringComparison.Ordinal));
    }
}
