using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Demo;

/// <summary>One demo product: its fixed id, what to create, the slug of its category, and the stock to receive.</summary>
internal sealed record DemoProduct(string Id, ProductDraft Draft, string CategorySlug, int Stock);
