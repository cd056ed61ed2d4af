namespace OrleansShop.GrainInterfaces;

public sealed record CategoryNode(string Id, string Name, string Slug, string? ParentId, IReadOnlyList<string> ChildIds);
