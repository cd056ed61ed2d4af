using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime.CodeGenerator.Tests.Behaviour;

public sealed class GeneratedProxyTests
{
    private static readonly GrainId CounterId = new("counter", "c-1");

    private readonly CounterGrain grain = new();
    private readonly FakeGrainRuntime runtime;

    public GeneratedProxyTests() => runtime = new FakeGrainRuntime(grain);

    private T Proxy<T>(GrainId id)
    {
        Assert.True(GrainProxyRegistry.TryGetFactory(typeof(T), out var factory));
        return (T)(object)factory(id, runtime);
    }

    private ICounterGrain Counter => Proxy<ICounterGrain>(CounterId);

    [Fact]
    public void Registry_returns_a_proxy_that_implements_the_interface_and_carries_the_id()
    {
        var reference = GrainProxyRegistry.TryGetFactory(typeof(ICounterGrain), out var factory) ? factory(CounterId, runtime) : null;

        Assert.NotNull(reference);
        Assert.IsAssignableFrom<ICounterGrain>(reference);
        Assert.Equal(CounterId, reference.GrainId);
        Assert.Equal(typeof(ICounterGrain), reference.InterfaceType);
        Assert.True(reference.GetType().IsSealed);
    }

    [Fact]
    public void Every_grain_interface_of_the_assembly_is_registered_and_non_grain_interfaces_are_not()
    {
        var registered = GrainProxyRegistry.RegisteredInterfaces.ToHashSet();

        Assert.Contains(typeof(ICounterGrain), registered);
        Assert.Contains(typeof(IAuditedCounterGrain), registered);
        Assert.Contains(typeof(Nesting.INestedGrain), registered);
        Assert.DoesNotContain(typeof(IAudit), registered);
        Assert.DoesNotContain(typeof(IGrainWithStringKey), registered);
    }

    [Fact]
    public async Task Arguments_arrive_at_the_grain_and_the_result_comes_back()
    {
        var counter = Counter;

        Assert.Equal(5, await counter.AddAsync(5, TestContext.Current.CancellationToken));
        Assert.Equal(7, await counter.AddAsync(2, TestContext.Current.CancellationToken));
        Assert.Equal(7, await counter.GetAsync());
    }

    [Fact]
    public async Task Cancellation_token_is_passed_through_to_the_grain()
    {
        using var cancellation = new CancellationTokenSource();

        await Counter.AddAsync(1, cancellation.Token);

        Assert.Equal(cancellation.Token, grain.LastToken);
    }

    [Fact]
    public async Task Proxy_hands_itself_as_target_and_exactly_one_request_per_call()
    {
        var counter = Counter;

        await counter.GetAsync();
        await counter.GetAsync();

        Assert.Equal(2, runtime.Requests.Count);
        Assert.NotSame(runtime.Requests[0], runtime.Requests[1]);
        Assert.All(runtime.Targets, target => Assert.Same(counter, target));
    }

    [Fact]
    public async Task Task_and_value_task_methods_complete_after_the_grain_finished_asynchronously()
    {
        var counter = Counter;
        await counter.AddAsync(3, TestContext.Current.CancellationToken);

        await counter.ResetAsync();
        Assert.Equal(0, await counter.GetAsync());
        await counter.AddAsync(3, TestContext.Current.CancellationToken);
        await counter.ResetLaterAsync();

        Assert.Equal(0, await counter.GetAsync());
        Assert.Equal(["reset", "reset later"], grain.Log);
        Assert.Equal(Unit.Value, await ((GrainRequest<Unit>)runtime.Requests[1]).InvokeAsync(grain));
    }

    [Fact]
    public async Task Value_task_results_nullable_results_and_tuples_come_back()
    {
        var counter = Counter;
        await counter.AddAsync(4, TestContext.Current.CancellationToken);
        await counter.RecordAsync("opened");

        Assert.Equal("n=4", await counter.DescribeAsync("n="));
        Assert.Null(await counter.DescribeAsync(null));
        var (count, log) = await counter.SnapshotAsync();
        Assert.Equal(4, count);
        Assert.Equal(["opened"], log);
    }

    [Fact]
    public async Task Overloads_and_keyword_parameter_names_reach_the_right_method()
    {
        var counter = Counter;

        await counter.RecordAsync("added", ("sku", 2));
        await counter.RecordAsync("removed");

        Assert.Equal(["added:sku=2", "removed"], grain.Log);
        Assert.NotEqual(runtime.Requests[0].GetType(), runtime.Requests[1].GetType());
    }

    [Fact]
    public async Task Exception_from_a_faulted_grain_task_comes_back_to_the_caller()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Counter.FailAsync("out of stock"));

        Assert.Equal("out of stock", error.Message);
    }

    [Fact]
    public async Task Exception_thrown_before_the_grain_returns_a_task_comes_back_to_the_caller()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => Counter.FailBeforeReturningTaskAsync());

        Assert.Equal("not even a task", error.Message);
    }

    [Fact]
    public async Task One_way_call_returns_at_once_without_waiting_for_the_grain()
    {
        var counter = Counter;

        var task = counter.NotifyAsync("hello");
        var valueTask = counter.NotifyLaterAsync("later");

        Assert.True(task.IsCompletedSuccessfully);
        Assert.True(valueTask.IsCompletedSuccessfully);
        Assert.Empty(runtime.Requests);
        Assert.Equal(2, runtime.OneWayRequests.Count);
        Assert.Empty(grain.Log);

        await runtime.RunOneWayAsync();
        Assert.Equal(["hello", "later"], grain.Log);
    }

    [Fact]
    public async Task Flags_reflect_the_concurrency_attributes_of_the_method()
    {
        var counter = Counter;

        await counter.AddAsync(1, TestContext.Current.CancellationToken);
        await counter.GetAsync();
        await counter.DescribeAsync(null);
        await counter.NotifyAsync("x");

        Assert.Equal(GrainRequestFlags.None, runtime.Requests[0].Flags);
        Assert.Equal(GrainRequestFlags.ReadOnly, runtime.Requests[1].Flags);
        Assert.Equal(GrainRequestFlags.ReadOnly | GrainRequestFlags.AlwaysInterleave, runtime.Requests[2].Flags);
        Assert.Equal(GrainRequestFlags.OneWay, Assert.Single(runtime.OneWayRequests).Flags);
    }

    [Fact]
    public async Task Request_names_its_interface_and_method_and_resolves_the_method_info()
    {
        await Counter.AddAsync(1, TestContext.Current.CancellationToken);
        await Counter.RecordAsync("e", ("n", 1));

        var add = runtime.Requests[0];
        Assert.Equal(typeof(ICounterGrain), add.InterfaceType);
        Assert.Equal(nameof(ICounterGrain.AddAsync), add.MethodName);
        Assert.Equal("ICounterGrain.AddAsync", add.ToString());
        Assert.Equal(typeof(ICounterGrain).GetMethod(nameof(ICounterGrain.AddAsync)), add.InterfaceMethod);
        Assert.Same(add.InterfaceMethod, add.InterfaceMethod);
        Assert.Equal(
            typeof(ICounterGrain).GetMethod(nameof(ICounterGrain.RecordAsync), [typeof(string), typeof((string, int))]),
            runtime.Requests[1].InterfaceMethod);
    }

    [Fact]
    public async Task Get_argument_boxes_each_argument_in_order()
    {
        using var cancellation = new CancellationTokenSource();

        await Counter.AddAsync(42, cancellation.Token);
        await Counter.RecordAsync("e", ("n", 1));

        var add = runtime.Requests[0];
        Assert.Equal(2, add.ArgumentCount);
        Assert.Equal(42, Assert.IsType<int>(add.GetArgument(0)));
        Assert.Equal(cancellation.Token, Assert.IsType<CancellationToken>(add.GetArgument(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => add.GetArgument(2));
        Assert.Equal(("n", 1), Assert.IsType<(string, int)>(runtime.Requests[1].GetArgument(1)));
    }

    [Fact]
    public async Task Request_without_arguments_has_none()
    {
        await Counter.GetAsync();

        Assert.Equal(0, runtime.Requests[0].ArgumentCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => runtime.Requests[0].GetArgument(0));
    }

    [Fact]
    public async Task Inherited_methods_are_requests_of_the_declaring_interface()
    {
        var audited = Proxy<IAuditedCounterGrain>(CounterId);
        await audited.RecordAsync("one");

        Assert.Equal(1, await audited.AuditCountAsync());

        var audit = runtime.Requests[1];
        Assert.Equal(typeof(IAudit), audit.InterfaceType);
        Assert.Equal(typeof(IAudit).GetMethod(nameof(IAudit.AuditCountAsync)), audit.InterfaceMethod);
        Assert.Equal(typeof(ICounterGrain), runtime.Requests[0].InterfaceType);
    }

    [Fact]
    public async Task A_method_hidden_with_new_is_a_separate_grain_method()
    {
        var audited = Proxy<IAuditedCounterGrain>(CounterId);

        await audited.ResetAsync();
        await ((ICounterGrain)audited).ResetAsync();

        Assert.Equal(1, grain.ExplicitResets);
        Assert.Equal(["reset"], grain.Log);
        Assert.Equal(typeof(IAuditedCounterGrain), runtime.Requests[0].InterfaceType);
        Assert.Equal(typeof(ICounterGrain), runtime.Requests[1].InterfaceType);
    }

    [Fact]
    public async Task Nested_interface_proxy_works()
    {
        var id = Guid.NewGuid();
        var nested = Proxy<Nesting.INestedGrain>(new GrainId("nested", id.ToString()));

        Assert.Equal(id, await nested.EchoAsync(id));
    }
}
