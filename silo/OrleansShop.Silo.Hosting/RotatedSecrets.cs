using Microsoft.Extensions.Options;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// One generation of secrets read from <typeparamref name="TOptions"/> that follows configuration reloads (Key Vault's
/// among them): the first read happens here, so a bad secret stops start-up; a later read that fails with an
/// <see cref="InvalidOperationException"/> (a secret too short, named by its setting) is refused and the generation in use
/// stays; a read equal to the current one changes nothing.
/// </summary>
public sealed class RotatedSecrets<TOptions, TGeneration> : IDisposable
    where TGeneration : class
{
    private readonly Func<TOptions, TGeneration> read;
    private readonly Func<TGeneration, TGeneration, bool> same;
    private readonly Action<TGeneration> changed;
    private readonly Action<string> refused;
    private readonly IDisposable? changes;
    private volatile TGeneration current;

    /// <param name="changed">Told the new generation once it is in use.</param>
    /// <param name="refused">Told why a reload was refused: the exception's message, which names the setting, never a value.</param>
    public RotatedSecrets(
        IOptionsMonitor<TOptions> options,
        Func<TOptions, TGeneration> read,
        Func<TGeneration, TGeneration, bool> same,
        Action<TGeneration> changed,
        Action<string> refused)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.read = read;
        this.same = same;
        this.changed = changed;
        this.refused = refused;
        current = read(options.CurrentValue);
        changes = options.OnChange(Reload);
    }

    /// <summary>The generation in use: read once per use, replaced whole on a change.</summary>
    public TGeneration Current => current;

    public void Dispose() => changes?.Dispose();

    private void Reload(TOptions options)
    {
        TGeneration next;
        try
        {
            next = read(options);
        }
        catch (InvalidOperationException e)
        {
            refused(e.Message);
            return;
        }

        if (!same(next, current))
        {
            current = next;
            changed(next);
        }
    }
}
