namespace OrleansShop.Runtime.Storage;

public sealed class GrainState<T> : IGrainState<T>
{
    public GrainState(T state) => State = state;

    public T State { get; set; }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
