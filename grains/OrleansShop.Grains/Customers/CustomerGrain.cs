using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Core;
using Orleans.Runtime;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// A customer account. Failed sign-ins say only INVALID_CREDENTIALS, whether the password or the account was wrong, so
/// that they do not reveal which emails are registered.
/// </summary>
[GrainType("customer")]
internal sealed class CustomerGrain(
    [PersistentState("customer")] IPersistentState<CustomerState> customer,
    IOptions<CustomerOptions> options) : Grain, ICustomerGrain
{
    public const int MaxDisplayNameLength = 100;
    public const int MaxPhoneLength = 32;

    /// <summary>
    /// Spent tokens kept per family for reuse detection. A family rotates every time an access token is renewed, so
    /// keeping all of them would grow the state for as long as the sign-in lasts; an older spent token is simply unknown.
    /// </summary>
    public const int KeptSpentTokensPerFamily = 10;

    private static readonly PasswordHasher<CustomerState> Hasher = new();

    private readonly CustomerOptions settings = options.Value;

    private string Id => this.GetPrimaryKeyString();

    private CustomerState Account => customer.State;

    private bool Registered => Account.Email is not null;

    private DateTimeOffset Now => ServiceProvider.Clock().GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Again on activation: an update still queued when a process stopped reaches the list when the customer is next used.
        ProjectListing();
        return Task.CompletedTask;
    }

    public async Task<Result<SignIn>> RegisterAsync(Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (Registered)
        {
            return Result<SignIn>.Fail(ErrorCode.Conflict, $"Customer {Id} is already registered.");
        }

        var errors = new List<UserError>();
        var email = registration.Email?.Trim() ?? string.Empty;
        if (!EmailAddress.IsValid(email))
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, "Enter a valid email address.", "email"));
        }

        if (PasswordPolicy.Check(registration.Password, email, "password") is { } weak)
        {
            errors.Add(weak);
        }

        if (DisplayNameError(registration.DisplayName, "displayName") is { } badName)
        {
            errors.Add(badName);
        }

        if (errors.Count > 0)
        {
            return Result<SignIn>.Fail(errors);
        }

        var emailIndex = GrainFactory.GetGrain<IEmailIndexGrain>(UniqueKeys.Email(email));
        if (await emailIndex.ClaimAsync(Id) != Id)
        {
            return Result<SignIn>.Fail(ErrorCode.EmailTaken, "An account with this email already exists.", "email");
        }

        var now = Now;
        Account.Email = email;
        Account.DisplayName = registration.DisplayName.Trim();
        Account.PasswordHash = Hasher.HashPassword(Account, registration.Password);
        Account.Roles = [Role.Customer];
        Account.CreatedAt = now;
        Account.UpdatedAt = now;
        var token = Issue(Guid.NewGuid().ToString("N"), now + settings.RefreshTokenLifetime);
        try
        {
            await customer.SaveAsync();
        }
        catch (Exception)
        {
            // The account was not saved, so the email must not stay claimed by it.
            await emailIndex.ReleaseAsync(Id);
            throw;
        }

        ProjectListing();

        return Result<SignIn>.Ok(token);
    }

    public async Task<Result<SignIn>> SignInAsync(string password)
    {
        if (!Registered || string.IsNullOrEmpty(password))
        {
            return InvalidCredentials();
        }

        switch (Hasher.VerifyHashedPassword(Account, Account.PasswordHash, password))
        {
            case PasswordVerificationResult.Failed:
                return InvalidCredentials();
            case PasswordVerificationResult.SuccessRehashNeeded:
                Account.PasswordHash = Hasher.HashPassword(Account, password);
                break;
        }

        var now = Now;
        var signIn = Issue(Guid.NewGuid().ToString("N"), now + settings.RefreshTokenLifetime);
        await customer.SaveAsync();
        return Result<SignIn>.Ok(signIn);
    }

    public async Task<Result<SignIn>> RefreshAsync(string refreshToken)
    {
        var index = FindToken(refreshToken);
        if (index < 0)
        {
            return InvalidCredentials();
        }

        var entry = Account.RefreshTokens[index];
        if (entry.Status == RefreshTokenStatus.Spent)
        {
            // A spent token came back: whoever holds the family's tokens cannot be trusted, so none of them is.
            RevokeFamily(entry.FamilyId);
            await customer.SaveAsync();
            return InvalidCredentials();
        }

        if (entry.Status == RefreshTokenStatus.Revoked || entry.ExpiresAt <= Now)
        {
            return InvalidCredentials();
        }

        Account.RefreshTokens[index] = entry with { Status = RefreshTokenStatus.Spent };
        var signIn = Issue(entry.FamilyId, entry.ExpiresAt);
        await customer.SaveAsync();
        return Result<SignIn>.Ok(signIn);
    }

    public async Task<Result<CustomerProfile>> SignOutAsync(string refreshToken)
    {
        if (!Registered)
        {
            return NotFound();
        }

        var index = FindToken(refreshToken);
        if (index >= 0 && Account.RefreshTokens.Any(t => t.FamilyId == Account.RefreshTokens[index].FamilyId && t.Status != RefreshTokenStatus.Revoked))
        {
            RevokeFamily(Account.RefreshTokens[index].FamilyId);
            await customer.SaveAsync();
        }

        return Result<CustomerProfile>.Ok(Profile());
    }

    public async Task<Result<CustomerProfile>> ChangePasswordAsync(string currentPassword, string newPassword)
    {
        if (!Registered)
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(currentPassword) || Hasher.VerifyHashedPassword(Account, Account.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            return Result<CustomerProfile>.Fail(ErrorCode.InvalidCredentials, "The current password is wrong.", "currentPassword");
        }

        if (PasswordPolicy.Check(newPassword, Account.Email!, "newPassword") is { } weak)
        {
            return Result<CustomerProfile>.Fail(weak);
        }

        Account.PasswordHash = Hasher.HashPassword(Account, newPassword);

        // Whoever knew the old password may hold a session: a new password ends every one.
        foreach (var family in Account.RefreshTokens.Select(t => t.FamilyId).Distinct().ToArray())
        {
            RevokeFamily(family);
        }

        return await SaveProfileAsync();
    }

    public async Task<Result<CustomerProfile>> UpdateProfileAsync(ProfileChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (!Registered)
        {
            return NotFound();
        }

        var errors = new List<UserError>();
        if (changes.DisplayName is not null && DisplayNameError(changes.DisplayName, "displayName") is { } badName)
        {
            errors.Add(badName);
        }

        var phone = changes.Phone?.Trim();
        if (!string.IsNullOrEmpty(phone) && (phone.Length > MaxPhoneLength || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, "Enter a phone number of digits, spaces, '+', '-' and parentheses.", "phone"));
        }

        if (errors.Count > 0)
        {
            return Result<CustomerProfile>.Fail(errors);
        }

        Account.DisplayName = changes.DisplayName?.Trim() ?? Account.DisplayName;
        if (phone is not null)
        {
            Account.Phone = phone.Length == 0 ? null : phone;
        }

        return await SaveProfileAsync();
    }

    public async Task<Result<CustomerProfile>> AddAddressAsync(AddressInput address, bool makeDefault)
    {
        if (!Registered)
        {
            return NotFound();
        }

        var errors = AddressRules.Check(address, "address");
        if (errors.Count > 0)
        {
            return Result<CustomerProfile>.Fail(errors);
        }

        if (Account.Addresses.Count >= settings.MaxAddresses)
        {
            return Result<CustomerProfile>.Fail(ErrorCode.InvalidInput, $"An address book holds at most {settings.MaxAddresses} addresses.", "address");
        }

        var added = new Address(
            Guid.NewGuid().ToString("N"),
            address.Name.Trim(),
            address.Line1.Trim(),
            string.IsNullOrWhiteSpace(address.Line2) ? null : address.Line2.Trim(),
            address.City.Trim(),
            string.IsNullOrWhiteSpace(address.Region) ? null : address.Region.Trim(),
            address.PostalCode.Trim(),
            address.Country,
            string.IsNullOrWhiteSpace(address.Phone) ? null : address.Phone.Trim());
        Account.Addresses.Add(added);
        if (makeDefault || Account.DefaultAddressId is null)
        {
            Account.DefaultAddressId = added.Id;
        }

        return await SaveProfileAsync();
    }

    public async Task<Result<CustomerProfile>> RemoveAddressAsync(string addressId)
    {
        if (!Registered)
        {
            return NotFound();
        }

        if (Account.Addresses.RemoveAll(a => a.Id == addressId) == 0)
        {
            return Result<CustomerProfile>.Fail(ErrorCode.NotFound, $"Address {addressId} is not in the address book.", "addressId");
        }

        if (Account.DefaultAddressId == addressId)
        {
            Account.DefaultAddressId = Account.Addresses.FirstOrDefault()?.Id;
        }

        return await SaveProfileAsync();
    }

    public async Task<Result<CustomerProfile>> SetDefaultAddressAsync(string addressId)
    {
        if (!Registered)
        {
            return NotFound();
        }

        if (!Account.Addresses.Exists(a => a.Id == addressId))
        {
            return Result<CustomerProfile>.Fail(ErrorCode.NotFound, $"Address {addressId} is not in the address book.", "addressId");
        }

        Account.DefaultAddressId = addressId;
        return await SaveProfileAsync();
    }

    public async Task<Result<CustomerProfile>> SetRolesAsync(IReadOnlyList<Role> roles)
    {
        if (!Registered)
        {
            return NotFound();
        }

        if (roles is null || roles.Count == 0 || roles.Any(r => !Enum.IsDefined(r)))
        {
            return Result<CustomerProfile>.Fail(ErrorCode.InvalidInput, "Give at least one role: CUSTOMER or ADMIN.", "roles");
        }

        Account.Roles = [.. roles.Distinct().Order()];
        return await SaveProfileAsync();
    }

    public Task<CustomerProfile?> GetAsync() => Task.FromResult(Registered ? Profile() : null);

    /// <summary>A new token in <paramref name="familyId"/>; drops the tokens of families that expired, which nobody can use.</summary>
    private SignIn Issue(string familyId, DateTimeOffset expiresAt)
    {
        var now = Now;
        Account.RefreshTokens.RemoveAll(t => t.ExpiresAt <= now);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var spent = Account.RefreshTokens.Where(t => t.FamilyId == familyId && t.Status == RefreshTokenStatus.Spent).ToList();
        foreach (var oldest in spent.Take(spent.Count - KeptSpentTokensPerFamily))
        {
            Account.RefreshTokens.Remove(oldest);
        }

        Account.RefreshTokens.Add(new RefreshTokenEntry(HashSecret(secret), familyId, now, expiresAt, RefreshTokenStatus.Active));
        return new SignIn(Profile(), Id + RefreshTokens.Separator + secret, expiresAt);
    }

    private int FindToken(string? refreshToken)
    {
        if (!Registered || RefreshTokens.CustomerIdOf(refreshToken) != Id)
        {
            return -1;
        }

        var hash = HashSecret(refreshToken![(Id.Length + 1)..]);
        return Account.RefreshTokens.FindIndex(t => t.Hash == hash);
    }

    private void RevokeFamily(string familyId)
    {
        for (var i = 0; i < Account.RefreshTokens.Count; i++)
        {
            if (Account.RefreshTokens[i].FamilyId == familyId)
            {
                Account.RefreshTokens[i] = Account.RefreshTokens[i] with { Status = RefreshTokenStatus.Revoked };
            }
        }
    }

    private static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static UserError? DisplayNameError(string? displayName, string field) =>
        string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > MaxDisplayNameLength
            ? UserError.For(ErrorCode.InvalidInput, $"Display name must be 1 to {MaxDisplayNameLength} characters.", field)
            : null;

    private async Task<Result<CustomerProfile>> SaveProfileAsync()
    {
        Account.UpdatedAt = Now;
        await customer.SaveAsync();
        ProjectListing();
        return Result<CustomerProfile>.Ok(Profile());
    }

    private void ProjectListing()
    {
        if (Registered)
        {
            (ServiceProvider.GetService(typeof(ICustomerProjection)) as ICustomerProjection)?.Project(
                new CustomerListing(Id, Account.Email!, Account.DisplayName, Account.CreatedAt, Account.UpdatedAt.UtcTicks));
        }
    }

    private CustomerProfile Profile() => new(
        Id,
        Account.Email!,
        Account.DisplayName,
        Account.Phone,
        [.. Account.Roles],
        [.. Account.Addresses],
        Account.DefaultAddressId,
        Account.CreatedAt,
        Account.UpdatedAt);

    private static Result<SignIn> InvalidCredentials() =>
        Result<SignIn>.Fail(ErrorCode.InvalidCredentials, "The email or password is wrong, or the session has ended.");

    private Result<CustomerProfile> NotFound() => Result<CustomerProfile>.Fail(ErrorCode.NotFound, $"Customer {Id} does not exist.");
}
