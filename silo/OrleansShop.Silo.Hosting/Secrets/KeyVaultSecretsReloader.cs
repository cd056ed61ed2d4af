using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansShop.Silo.Hosting.Secrets;

/// <summary>
/// Reads the vault's secrets again every <c>OrleansShop:KeyVault:ReloadInterval</c>, so a rotated secret reaches a running
/// process without a restart. A failed read is logged (the vault and the error, never a value) and the last values stay.
/// </summary>
internal sealed partial class KeyVaultSecretsReloader(
    KeyVaultSecretsConfigurationProvider provider,
    Uri vault,
    TimeSpan interval,
    TimeProvider time,
    ILogger<KeyVaultSecretsReloader> logger) : BackgroundService
{
    public TimeSpan Interval => interval;

    /// <summary>One reload; true when it read the vault, whether or not anything changed.</summary>
    public async Task<bool> ReloadOnceAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, string?> read;
        try
        {
            read = await provider.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(e, vault, provider.LoadedAt);
            return false;
        }

        var changed = provider.Replace(read);
        if (changed.Count == 0)
        {
            return true;
        }

        var keys = string.Join(", ", changed);
        LogChanged(vault, keys);
        try
        {
            provider.NotifyChanged();
        }
        catch (Exception e)
        {
            // Served already: a failed read would keep the last values, a refused one cannot, so it is said apart.
            LogRefused(e, vault, keys);
        }

        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await ReloadOnceAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Key Vault {Vault}: secrets changed since the last read: {Keys}")]
    private partial void LogChanged(Uri vault, string keys);

    [LoggerMessage(Level = LogLevel.Error, Message = "Key Vault {Vault}: the changed secrets ({Keys}) are served, but a consumer of the configuration refused them; correct them in the vault")]
    private partial void LogRefused(Exception exception, Uri vault, string keys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key Vault {Vault}: reading the secrets again failed; the values read at {LoadedAt} stay in use")]
    private partial void LogFailed(Exception exception, Uri vault, DateTimeOffset? loadedAt);
}
