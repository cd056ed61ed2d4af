namespace OrleansShop.Runtime;

/// <summary>A call arriving at a grain activation.</summary>
public interface IIncomingGrainCallContext : IGrainCallContext
{
    IGrainContext TargetContext { get; }
}
