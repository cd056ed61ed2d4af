namespace OrleansShop.Runtime;

/// <summary>Marker for grain interfaces. Use one of the keyed variants.</summary>
public interface IGrain : IAddressable;

public interface IGrainWithStringKey : IGrain;

public interface IGrainWithGuidKey : IGrain;

public interface IGrainWithIntegerKey : IGrain;
