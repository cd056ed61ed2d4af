using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>The end of the frozen-silo scenario, whatever database holds the membership table and the grain state.</summary>
internal static class StaleActivation
{
    /// <summary>
    /// <paramref name="stale"/> was frozen past detection while holding the journal grain <paramref name="key"/> at
    /// "first"; <paramref name="survivor"/> has since appended "second". Thawed, <paramref name="stale"/> still believes
    /// it owns the grain until it reads the table: its stale activation's write must fail on the ETag. If it read the
    /// table first, it routes the call to the survivor (a legitimate third append), or refuses it as it stops, or loses
    /// its connection to the survivor as it stops (SiloUnavailableException: the append may or may not have run).
    /// Either way it must then exit. Returns the reply to the stale append, or null when it was refused.
    /// </summary>
    public static async Task<string?> AssertCannotOverwriteAsync(
        SiloProcess survivor, SiloProcess stale, string key, CancellationToken cancellationToken)
    {
        string? staleReply = null;
        try
        {
            staleReply = await stale.RequestAsync($"append {key} stale", cancellationToken);
        }
        catch (InvalidOperationException refused)
        {
            Assert.True(
                refused.Message.Contains("InconsistentStateException", StringComparison.Ordinal)
                    || refused.Message.Contains("exited", StringComparison.Ordinal)
                    || refused.Message.Contains("shutting down", StringComparison.Ordinal)
                    || refused.Message.Contains("SiloUnavailableException", StringComparison.Ordinal),
                refused.Message);
        }

        Assert.NotEqual(0, await stale.WaitForExitAsync(ClusterBounds.Exit, cancellationToken));
        var final = await survivor.RequestAsync($"read {key}", cancellationToken);
        Assert.Contains(final, (string[])(staleReply is null ? ["first,second", "first,second,stale"] : ["first,second,stale"]));
        return staleReply;
    }
}
