namespace OrleansShop.Providers.Sqlite.Tests.Support;

/// <summary>What an activation holds of one state: the value, the ETag storage last issued, whether a record exists.</summary>
internal sealed class TestGrainState<T>(T state) : IGrainState<T>
{
    /// <summary>Never null here: the provider always hands back a state (a fresh one when none is stored).</summary>
    public T State { get; private set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    T? IGrainState<T>.State
    {
        get => State;
        set => State = value ?? throw new InvalidOperationException("The provider set a null state.");
    }
}
