using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>Product slug uniqueness and lookup by slug (key: the slug); the owner is a product id.</summary>
[Alias("shop.ISlugIndexGrain")]
public interface ISlugIndexGrain : IUniqueIndexGrain;
