namespace OrleansShop.Runtime.CodeGenerator.Tests.Behaviour;

public interface IAuditedCounterGrain : ICounterGrain, IAudit
{
    new Task ResetAsync();
}
