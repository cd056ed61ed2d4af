namespace OrleansShop.Runtime.CodeGenerator.Tests.Behaviour;

public static class Nesting
{
    internal interface INestedGrain : IGrainWithGuidKey
    {
        Task<Guid> EchoAsync(Guid value);
    }
}
