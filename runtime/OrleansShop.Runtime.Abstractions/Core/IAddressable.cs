namespace OrleansShop.Runtime;

/// <summary>Anything with a grain identity: grain references and grains themselves.</summary>
public interface IAddressable;
