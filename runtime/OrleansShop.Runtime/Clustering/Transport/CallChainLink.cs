namespace OrleansShop.Runtime.Clustering.Transport;

/// <summary>
/// One waiting caller of a call chain that crossed silos: the silo it waits on (address and generation) and the
/// token under which that silo registered it while its call is out. Only that silo can resolve the token.
/// </summary>
internal readonly record struct CallChainLink(SiloAddress Silo, long Token);
