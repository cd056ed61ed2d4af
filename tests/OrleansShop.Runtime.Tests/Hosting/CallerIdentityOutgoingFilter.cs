namespace OrleansShop.Runtime.Tests.Hosting;

internal sealed class CallerIdentityOutgoingFilter(TestProbe probe) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        probe.Record($"out {context.InterfaceName}.{context.MethodName}");
        RequestContext.Set("caller", "alice");
        await context.Invoke();
    }
}
