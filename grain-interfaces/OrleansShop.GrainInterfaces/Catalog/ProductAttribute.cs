namespace OrleansShop.GrainInterfaces;

public sealed record ProductAttribute(string Name, string Value);
