using System.Diagnostics;
using System.Reflection;
using OrleansShop.Providers.Sqlite.Tests.Support;
using static OrleansShop.Providers.Sqlite.Tests.Support.StorageHarness;

namespace OrleansShop.Providers.Sqlite.Tests;

public sealed class StateIdentityTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_renamed_state_class_with_the_same_alias_and_ids_reads_rows_written_by_the_old_class()
    {
        // The earlier release (its own process, with the class as first shipped) writes the row.
        var eTag = await RunPreviousReleaseAsync(_database.Path, "test-service", "c-1");
        Assert.Equal("1", eTag);

        await using var storage = Create(_database.Path);
        var read = State(new ShoppingBasket());
        await storage.ReadStateAsync("cart", GrainId.Create("cart", "c-1"), read);

        Assert.True(read.RecordExists);
        Assert.Equal(["sku-1", "sku-2"], read.State.Items);
        Assert.Equal(12.5m, read.State.Amount);
        Assert.Equal("1", read.ETag);
    }

    private static async Task<string> RunPreviousReleaseAsync(params string[] arguments)
    {
        var program = typeof(StateIdentityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "PreviousStatesProgram").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"The earlier release failed: {await errors}");
        return (await output).Trim();
    }
}
