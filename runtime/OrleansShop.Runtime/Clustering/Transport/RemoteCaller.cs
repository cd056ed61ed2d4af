using OrleansShop.Runtime.Activations;

namespace OrleansShop.Runtime.Clustering.Transport;

/// <summary>
/// Stands in, on the receiving silo, for the caller of a call that came from another silo. It never runs and holds no
/// activation; its <see cref="ActivationWork.Caller"/> is the work of this silo the carried chain leads back to (the
/// nearest link this silo registered), so the activation's walk up the chain finds a cycle A -> B (another silo) -> A
/// exactly as it finds one within the silo. <see cref="Links"/> travel on with any call made further down the chain.
/// </summary>
internal sealed class RemoteCaller(CallChainLink[] links, ActivationWork? waitingHere) : ActivationWork(waitingHere)
{
    /// <summary>The chain as received, nearest caller first.</summary>
    public CallChainLink[] Links { get; } = links;

    public override void Start() => throw new InvalidOperationException("A remote caller is not work to run.");

    public override void Fail(Exception exception)
    {
        // Its call is answered through the transport, not through this stand-in.
    }

    public override string Describe() => "(via silo " + Links[0].Silo + ")";
}
