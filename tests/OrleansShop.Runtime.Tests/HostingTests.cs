using OrleansShop.Runtime.Hosting;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task Invalid_options_stop_the_silo_from_starting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestSilo.StartAsync(s => s.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.Zero)));

        Assert.Contains("ResponseTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grain_state_in_an_unregistered_storage_stops_the_silo_from_starting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestSilo.StartAsync(s => s.Configure<SiloOptions>(o => o.SiloName = "no-other"), probe: null, withOtherStorage: false));

        Assert.Contains("'Other'", error.Message, StringComparison.Ordinal);
    }
}
