using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>Email uniqueness and sign-in lookup (key: <see cref="UniqueKeys.Email"/>); the owner is a customer id.</summary>
[Alias("shop.IEmailIndexGrain")]
public interface IEmailIndexGrain : IUniqueIndexGrain;
