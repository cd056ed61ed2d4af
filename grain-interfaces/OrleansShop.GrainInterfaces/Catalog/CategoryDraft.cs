using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>A new category; a missing slug is made from the name; no parent makes it top-level.</summary>
[GenerateSerializer, Immutable, Alias("shop.CategoryDraft")]
public sealed record CategoryDraft([property: Id(0)] string Name, [property: Id(1)] string? Slug = null, [property: Id(2)] string? ParentId = null);
