namespace OrleansShop.Runtime;

/// <summary>A call leaving the caller (a grain or outside code) for a grain.</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext
{
}
