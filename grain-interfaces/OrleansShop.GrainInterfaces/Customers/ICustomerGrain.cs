using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// A registered customer (key: customer id): credentials, profile, addresses, roles and refresh tokens. Passwords are
/// kept only as PasswordHasher hashes, refresh tokens only as SHA-256 hashes.
/// </summary>
[Alias("shop.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Registers this customer id under a unique email and signs in (issues the first refresh token).</summary>
    [Alias("RegisterAsync")]
    Task<Result<SignIn>> RegisterAsync(Registration registration);

    /// <summary>Checks the password and issues a refresh token of a new family.</summary>
    [Alias("SignInAsync")]
    Task<Result<SignIn>> SignInAsync(string password);

    /// <summary>
    /// Spends a refresh token for a new one of the same family. Presenting a token that was already spent means it was
    /// stolen or replayed: the whole family is revoked.
    /// </summary>
    [Alias("RefreshAsync")]
    Task<Result<SignIn>> RefreshAsync(string refreshToken);

    /// <summary>Revokes the token's family (sign-out on that device).</summary>
    [Alias("SignOutAsync")]
    Task<Result<CustomerProfile>> SignOutAsync(string refreshToken);

    /// <summary>Changes the password and revokes every refresh token.</summary>
    [Alias("ChangePasswordAsync")]
    Task<Result<CustomerProfile>> ChangePasswordAsync(string currentPassword, string newPassword);

    [Alias("UpdateProfileAsync")]
    Task<Result<CustomerProfile>> UpdateProfileAsync(ProfileChanges changes);

    [Alias("AddAddressAsync")]
    Task<Result<CustomerProfile>> AddAddressAsync(AddressInput address, bool makeDefault);

    [Alias("RemoveAddressAsync")]
    Task<Result<CustomerProfile>> RemoveAddressAsync(string addressId);

    [Alias("SetDefaultAddressAsync")]
    Task<Result<CustomerProfile>> SetDefaultAddressAsync(string addressId);

    [Alias("SetRolesAsync")]
    Task<Result<CustomerProfile>> SetRolesAsync(IReadOnlyList<Role> roles);

    /// <summary>The customer, or null if this id never registered.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<CustomerProfile?> GetAsync();
}
