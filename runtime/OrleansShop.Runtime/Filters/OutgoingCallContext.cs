using System.Reflection;
using OrleansShop.Runtime.Activations;
using OrleansShop.Runtime.Invocation;
using OrleansShop.Runtime.Messaging;

namespace OrleansShop.Runtime.Filters;

/// <summary>The outgoing filter chain of one call; only built when filters exist.</summary>
internal sealed class OutgoingCallContext<TResult> : IOutgoingGrainCallContext
{
    private readonly GrainCallRouter router;
    private readonly GrainReference target;
    private readonly GrainRequest<TResult> request;
    private readonly IOutgoingGrainCallFilter[] filters;
    private int next;

    private OutgoingCallContext(GrainCallRouter router, GrainReference target, GrainRequest<TResult> request, IOutgoingGrainCallFilter[] filters)
    {
        this.router = router;
        this.target = target;
        this.request = request;
        this.filters = filters;
    }

    public GrainRequest Request => request;

    public object? Grain => target;

    public GrainId? SourceId => (SynchronizationContext.Current as ActivationWork)?.Activation?.GrainId;

    public GrainId TargetId => target.GrainId;

    public Type InterfaceType => request.InterfaceType;

    public string InterfaceName => request.InterfaceType.FullName ?? request.InterfaceType.Name;

    public string MethodName => request.MethodName;

    public MethodInfo InterfaceMethod => request.InterfaceMethod;

    public IReadOnlyList<object?> Arguments => RequestArguments.Of(request);

    public object? Result { get; set; }

    public static async Task<TResult> InvokeAsync(GrainCallRouter router, GrainReference target, GrainRequest<TResult> request, IOutgoingGrainCallFilter[] filters)
    {
        var context = new OutgoingCallContext<TResult>(router, target, request, filters);
        await context.Invoke();
        return context.Result is TResult value ? value : default!;
    }

    public async Task Invoke()
    {
        var index = next++;
        if (index < filters.Length)
        {
            await filters[index].Invoke(this);
        }
        else
        {
            Result = await router.SendAsync(target, request);
        }
    }
}
