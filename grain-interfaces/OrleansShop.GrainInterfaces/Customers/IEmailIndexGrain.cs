namespace OrleansShop.GrainInterfaces;

/// <summary>Email uniqueness and sign-in lookup (key: <see cref="UniqueKeys.Email"/>); the owner is a customer id.</summary>
public interface IEmailIndexGrain : IUniqueIndexGrain;
