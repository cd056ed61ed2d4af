using System.Reflection;

namespace OrleansShop.Runtime.Invocation;

/// <summary>
/// One call to a grain method: the method's identity, its arguments as fields of a generated subclass,
/// and the code that invokes it on the grain. Generated once per interface method.
/// </summary>
public abstract class GrainRequest
{
    /// <summary>The grain interface declaring the method.</summary>
    public abstract Type InterfaceType { get; }

    public abstract string MethodName { get; }

    /// <summary>Resolved lazily by filters; generated code caches it in a static field.</summary>
    public abstract MethodInfo InterfaceMethod { get; }

    /// <summary>Scheduling flags taken from [ReadOnly], [AlwaysInterleave] and [OneWay] on the method.</summary>
    public abstract GrainRequestFlags Flags { get; }

    public abstract int ArgumentCount { get; }

    /// <summary>Boxes value-type arguments: for filters and diagnostics, never the hot path.</summary>
    public abstract object? GetArgument(int index);

    public override string ToString() => InterfaceType.Name + "." + MethodName;
}

/// <summary>A request whose method returns <typeparamref name="TResult"/> (or <see cref="Unit"/> for Task/ValueTask).</summary>
public abstract class GrainRequest<TResult> : GrainRequest
{
    /// <summary>Calls the method on the grain instance, which implements <see cref="GrainRequest.InterfaceType"/>.</summary>
    public abstract ValueTask<TResult> InvokeAsync(object grain);
}
