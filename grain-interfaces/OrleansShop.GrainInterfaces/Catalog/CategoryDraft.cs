namespace OrleansShop.GrainInterfaces;

/// <summary>A new category; a missing slug is made from the name; no parent makes it top-level.</summary>
public sealed record CategoryDraft(string Name, string? Slug = null, string? ParentId = null);
