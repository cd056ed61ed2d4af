using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime.CodeGenerator.Tests.Behaviour;

/// <summary>The path a call from another silo takes: interface, method and boxed arguments back into a request.</summary>
public sealed class GeneratedRequestRegistryTests
{
    private readonly CounterGrain grain = new();

    private static GrainRequest Create(Type interfaceType, string method, Type[] parameterTypes, params object?[] arguments)
    {
        Assert.True(GrainRequestRegistry.TryGetFactory(interfaceType, method, parameterTypes, out var factory));
        return factory(arguments);
    }

    [Fact]
    public async Task Request_rebuilt_from_boxed_arguments_invokes_the_grain_method()
    {
        var request = Create(typeof(ICounterGrain), nameof(ICounterGrain.AddAsync), [typeof(int), typeof(CancellationToken)], 6, CancellationToken.None);

        Assert.Equal(6, await ((GrainRequest<int>)request).InvokeAsync(grain));
        Assert.Equal(GrainRequestFlags.None, request.Flags);
        Assert.Equal(6, request.GetArgument(0));
    }

    [Fact]
    public async Task Overloads_are_told_apart_by_parameter_types()
    {
        var withPair = Create(typeof(ICounterGrain), nameof(ICounterGrain.RecordAsync), [typeof(string), typeof((string, int))], "added", ("sku", 3));
        var plain = Create(typeof(ICounterGrain), nameof(ICounterGrain.RecordAsync), [typeof(string)], "removed");

        await ((GrainRequest<Unit>)withPair).InvokeAsync(grain);
        await ((GrainRequest<Unit>)plain).InvokeAsync(grain);

        Assert.Equal(["added:sku=3", "removed"], grain.Log);
    }

    [Fact]
    public void Lookup_by_method_info_finds_the_same_request_the_proxy_sends()
    {
        var method = typeof(ICounterGrain).GetMethod(nameof(ICounterGrain.DescribeAsync))!;

        Assert.True(GrainRequestRegistry.TryGetFactory(method, out var factory));
        var request = factory(["n="]);

        Assert.Equal(method, request.InterfaceMethod);
        Assert.Equal(GrainRequestFlags.ReadOnly | GrainRequestFlags.AlwaysInterleave, request.Flags);
    }

    [Fact]
    public void Inherited_methods_are_registered_under_their_declaring_interface()
    {
        Assert.True(GrainRequestRegistry.TryGetFactory(typeof(IAudit).GetMethod(nameof(IAudit.AuditCountAsync))!, out var factory));

        Assert.Equal(typeof(IAudit), factory([]).InterfaceType);
    }

    [Fact]
    public void Unknown_method_or_signature_is_not_found()
    {
        Assert.False(GrainRequestRegistry.TryGetFactory(typeof(ICounterGrain), "NoSuchMethod", [], out _));
        Assert.False(GrainRequestRegistry.TryGetFactory(typeof(ICounterGrain), nameof(ICounterGrain.AddAsync), [typeof(int)], out _));
    }

    [Fact]
    public void Wrong_number_of_arguments_is_rejected_with_the_method_name()
    {
        Assert.True(GrainRequestRegistry.TryGetFactory(typeof(ICounterGrain), nameof(ICounterGrain.AddAsync), [typeof(int), typeof(CancellationToken)], out var factory));

        var error = Assert.Throws<ArgumentException>(() => factory([1]));

        Assert.StartsWith("AddAsync takes 2 arguments.", error.Message, StringComparison.Ordinal);
    }
}
