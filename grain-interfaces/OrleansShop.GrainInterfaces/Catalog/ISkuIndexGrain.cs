using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>SKU uniqueness (key: <see cref="UniqueKeys.Sku"/>); the owner is a product id.</summary>
[Alias("shop.ISkuIndexGrain")]
public interface ISkuIndexGrain : IUniqueIndexGrain;
