namespace OrleansShop.Runtime;

/// <summary>
/// Runs around every call a grain receives, inside the grain's turn. Register in DI; a grain class may also implement
/// it to filter its own calls (runs after the registered filters).
/// </summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}
