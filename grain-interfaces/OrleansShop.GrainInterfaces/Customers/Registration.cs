namespace OrleansShop.GrainInterfaces;

public sealed record Registration(string Email, string Password, string DisplayName);
