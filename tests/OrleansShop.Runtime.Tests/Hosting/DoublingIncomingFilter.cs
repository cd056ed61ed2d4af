namespace OrleansShop.Runtime.Tests.Hosting;

internal sealed class DoublingIncomingFilter(TestProbe probe) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        probe.Record($"in {context.InterfaceType.Name}.{context.MethodName}({string.Join(", ", context.Arguments)}) on {context.TargetId}");
        await context.Invoke();
        if (context.Result is int sum)
        {
            context.Result = sum * 2;
        }
    }
}
