namespace OrleansShop.GrainInterfaces;

public sealed record ReviewPage(IReadOnlyList<Review> Items, int TotalCount);
