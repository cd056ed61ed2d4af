using System.Reflection;
using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime;

/// <summary>One grain call as a call filter sees it.</summary>
public interface IGrainCallContext
{
    GrainRequest Request { get; }

    /// <summary>The grain instance on the incoming side; the target reference on the outgoing side.</summary>
    object? Grain { get; }

    /// <summary>The calling grain, or null when the call comes from outside any grain.</summary>
    GrainId? SourceId { get; }

    GrainId TargetId { get; }

    Type InterfaceType { get; }

    string InterfaceName { get; }

    string MethodName { get; }

    MethodInfo InterfaceMethod { get; }

    /// <summary>The call's arguments, boxed (filters only: the hot path never builds this).</summary>
    IReadOnlyList<object?> Arguments { get; }

    /// <summary>The result once <see cref="Invoke"/> completed; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the call itself after the last one.</summary>
    Task Invoke();
}
