namespace OrleansShop.GrainInterfaces;

public sealed record CartItem(string ProductId, int Quantity);
