namespace OrleansShop.Runtime;

/// <summary>
/// Ambient key/values that travel with grain calls (correlation id, caller identity): set them before a call and the
/// callee, and everything it calls in turn, sees them. Changes made by a callee do not flow back to its caller.
/// </summary>
public static class RequestContext
{
    private const string CallChainReentrancyKey = "#ccr";

    private static readonly AsyncLocal<RequestContextData?> Ambient = new();

    /// <summary>The current immutable snapshot; captured by the engine into each call.</summary>
    internal static RequestContextData? CurrentData
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    internal static bool AllowsCallChainReentrancy => Ambient.Value?.Get(CallChainReentrancyKey) is true;

    public static IEnumerable<string> Keys => Ambient.Value?.Keys ?? [];

    public static object? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Ambient.Value?.Get(key);
    }

    public static void Set(string key, object value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        Ambient.Value = RequestContextData.With(Ambient.Value, key, value);
    }

    public static bool Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var current = Ambient.Value;
        if (current?.Get(key) is null)
        {
            return false;
        }

        Ambient.Value = current.Without(key);
        return true;
    }

    public static void Clear()
    {
        if (Ambient.Value is not null)
        {
            Ambient.Value = null;
        }
    }

    /// <summary>
    /// Within the returned scope, calls may re-enter a non-reentrant grain that is waiting further up their call chain
    /// (A calls B calls A) instead of failing with <see cref="DeadlockException"/>.
    /// </summary>
    public static IDisposable AllowCallChainReentrancy()
    {
        var previous = Ambient.Value;
        Set(CallChainReentrancyKey, true);
        return new Scope(previous);
    }

    private sealed class Scope(RequestContextData? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
