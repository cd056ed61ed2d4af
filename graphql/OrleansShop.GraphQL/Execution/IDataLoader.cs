namespace OrleansShop.GraphQL.Execution;

/// <summary>A DataLoader: batches the keys requested during one tick of execution into one fetch, and caches results for the request.</summary>
public interface IDataLoader
{
}
