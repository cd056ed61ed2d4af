namespace OrleansShop.GraphQL.Execution;

/// <summary>A DataLoader with a pending batch, as the <see cref="BatchScheduler"/> sees it.</summary>
internal interface IBatchDispatcher
{
    void DispatchBatch();

    void Attach(BatchScheduler scheduler, CancellationToken cancellationToken);
}
