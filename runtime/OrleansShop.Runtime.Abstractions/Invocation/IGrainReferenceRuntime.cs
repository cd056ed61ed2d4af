namespace OrleansShop.Runtime.Invocation;

/// <summary>
/// What a generated proxy calls: deliver one request to the target grain (locally or, later, on another silo)
/// and complete with its result.
/// </summary>
public interface IGrainReferenceRuntime
{
    Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request);

    /// <summary>For [OneWay] methods: deliver and do not wait for a result.</summary>
    void InvokeOneWay(GrainReference target, GrainRequest request);
}
