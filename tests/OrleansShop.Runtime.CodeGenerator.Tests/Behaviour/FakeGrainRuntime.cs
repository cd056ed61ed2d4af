using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime.CodeGenerator.Tests.Behaviour;

/// <summary>
/// Delivers every request straight to one grain object, the way a local call without scheduling would, and records
/// what the proxy handed over. One-way requests are held until <see cref="RunOneWayAsync"/> so tests can observe
/// that the caller did not wait for them.
/// </summary>
internal sealed class FakeGrainRuntime(object grain) : IGrainReferenceRuntime
{
    public List<GrainRequest> Requests { get; } = [];

    public List<GrainReference> Targets { get; } = [];

    public List<GrainRequest> OneWayRequests { get; } = [];

    public async Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        Requests.Add(request);
        Targets.Add(target);
        return await request.InvokeAsync(grain);
    }

    public void InvokeOneWay(GrainReference target, GrainRequest request)
    {
        OneWayRequests.Add(request);
        Targets.Add(target);
    }

    public async Task RunOneWayAsync()
    {
        foreach (var request in OneWayRequests)
        {
            await ((GrainRequest<Unit>)request).InvokeAsync(grain);
        }
    }
}
