using System.Reflection;
using OrleansShop.Runtime.Activations;
using OrleansShop.Runtime.Invocation;
using OrleansShop.Runtime.Messaging;

namespace OrleansShop.Runtime.Filters;

/// <summary>The incoming filter chain of one call; only built when filters exist.</summary>
internal sealed class IncomingCallContext<TResult> : IIncomingGrainCallContext
{
    private readonly CallMessage<TResult> message;
    private readonly Activation activation;
    private int next;

    private IncomingCallContext(CallMessage<TResult> message, Activation activation)
    {
        this.message = message;
        this.activation = activation;
    }

    public GrainRequest Request => message.Request;

    public object? Grain => activation.GrainInstance;

    public GrainId? SourceId => message.Caller?.Activation?.GrainId;

    public GrainId TargetId => activation.GrainId;

    public Type InterfaceType => message.Request.InterfaceType;

    public string InterfaceName => message.Request.InterfaceType.FullName ?? message.Request.InterfaceType.Name;

    public string MethodName => message.Request.MethodName;

    public MethodInfo InterfaceMethod => message.Request.InterfaceMethod;

    public IReadOnlyList<object?> Arguments => RequestArguments.Of(message.Request);

    public object? Result { get; set; }

    public IGrainContext TargetContext => activation;

    public static async Task<TResult> InvokeAsync(CallMessage<TResult> message, Activation activation)
    {
        var context = new IncomingCallContext<TResult>(message, activation);
        await context.Invoke();
        return context.Result is TResult value ? value : default!;
    }

    public async Task Invoke()
    {
        var filters = activation.Runtime.IncomingFilters;
        var index = next++;
        if (index < filters.Length)
        {
            await filters[index].Invoke(this);
        }
        else if (index == filters.Length && activation.GrainInstance is IIncomingGrainCallFilter grainFilter)
        {
            await grainFilter.Invoke(this);
        }
        else
        {
            Result = await message.Request.InvokeAsync(activation.GrainInstance!);
        }
    }
}
