namespace OrleansShop.GrainInterfaces;

public sealed record ReviewReply(string Body, DateTimeOffset CreatedAt);
