namespace OrleansShop.Runtime;

/// <summary>Runs around every call made through a grain reference, on the caller's side. Register in DI.</summary>
public interface IOutgoingGrainCallFilter
{
    Task Invoke(IOutgoingGrainCallContext context);
}
