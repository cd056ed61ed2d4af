using HotChocolate.Execution.Configuration;
using System.Globalization;
using OrleansShop.Api.Auth;
using OrleansShop.Api.Limits;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>Registration, sign-in, token rotation and the signed-in customer's profile and address book.</summary>
internal static class AccountResolvers
{
    public static void Register(IRequestExecutorBuilder graphql)
    {
        graphql.FieldAsync("Query", "me", MeAsync);
        graphql.FieldAsync("Mutation", "register", RegisterAsync);
        graphql.FieldAsync("Mutation", "login", LoginAsync);
        graphql.FieldAsync("Mutation", "refreshToken", RefreshAsync);
        graphql.FieldAsync("Mutation", "logout", LogoutAsync);
        graphql.FieldAsync("Mutation", "updateProfile", UpdateProfileAsync);
        graphql.FieldAsync("Mutation", "changePassword", ChangePasswordAsync);
        graphql.FieldAsync("Mutation", "addAddress", AddAddressAsync);
        graphql.FieldAsync("Mutation", "removeAddress", RemoveAddressAsync);
        graphql.FieldAsync("Mutation", "setRoles", SetRolesAsync);

        graphql.Field("Customer", "id", c => GlobalId.Encode("Customer", c.Parent<CustomerProfile>().Id));
        graphql.Field("Address", "id", c => GlobalId.Encode("Address", c.Parent<Address>().Id));
        graphql.Field("Customer", "defaultAddress", c =>
        {
            var customer = c.Parent<CustomerProfile>();
            return customer.Addresses.FirstOrDefault(a => a.Id == customer.DefaultAddressId);
        });
        graphql.FieldAsync("Customer", "cart", CustomerCartAsync);
    }

    private static async Task<object?> MeAsync(IResolverContext context) =>
        context.CustomerId() is { } id ? await context.Grains().GetGrain<ICustomerGrain>(id).GetAsync() : null;

    private static async Task<object?> CustomerCartAsync(IResolverContext context) =>
        await context.Grains().GetGrain<ICartGrain>(CartIds.ForCustomer(context.Parent<CustomerProfile>().Id)).GetAsync();

    private static async Task<object?> RegisterAsync(IResolverContext context)
    {
        var input = Input.Of(context);
        if (GuestCartKey(input, out var guestCart) is { } badCart)
        {
            return AuthPayload.Failed(badCart);
        }

        if (TooManyAttempts(context, input.String("email")) is { } limited)
        {
            return AuthPayload.Failed(limited);
        }

        var registered = await context.Grains().GetGrain<ICustomerGrain>(Guid.NewGuid().ToString("N")).RegisterAsync(new Registration(
            input.String("email") ?? string.Empty, input.String("password") ?? string.Empty, input.String("displayName") ?? string.Empty));
        return await SignedInAsync(context, registered, guestCart);
    }

    private static async Task<object?> LoginAsync(IResolverContext context)
    {
        var input = Input.Of(context);
        if (GuestCartKey(input, out var guestCart) is { } badCart)
        {
            return AuthPayload.Failed(badCart);
        }

        var email = input.String("email");
        if (TooManyAttempts(context, email) is { } limited)
        {
            return AuthPayload.Failed(limited);
        }

        var customerId = string.IsNullOrWhiteSpace(email) ? null : await context.Grains().GetGrain<IEmailIndexGrain>(UniqueKeys.Email(email)).GetOwnerAsync();
        if (customerId is null)
        {
            // The same answer as a wrong password, so sign-in does not tell which emails are registered.
            return AuthPayload.Failed(UserErrors.Of(ErrorCode.InvalidCredentials, "The email or password is wrong, or the session has ended."));
        }

        var signedIn = await context.Grains().GetGrain<ICustomerGrain>(customerId).SignInAsync(input.String("password") ?? string.Empty);
        return await SignedInAsync(context, signedIn, guestCart);
    }

    private static async Task<object?> RefreshAsync(IResolverContext context)
    {
        var token = Input.Of(context).String("refreshToken");
        if (RefreshTokens.CustomerIdOf(token) is not { } customerId)
        {
            return AuthPayload.Failed(UserErrors.Of(ErrorCode.InvalidCredentials, "The email or password is wrong, or the session has ended."));
        }

        return await SignedInAsync(context, await context.Grains().GetGrain<ICustomerGrain>(customerId).RefreshAsync(token!), null);
    }

    private static async Task<object?> LogoutAsync(IResolverContext context)
    {
        var token = Input.Of(context).String("refreshToken");
        if (RefreshTokens.CustomerIdOf(token) is not { } customerId)
        {
            return AuthPayload.Failed(UserErrors.Of(ErrorCode.InvalidInput, "This is not a refresh token.", "refreshToken"));
        }

        var signedOut = await context.Grains().GetGrain<ICustomerGrain>(customerId).SignOutAsync(token!);
        return signedOut.Succeeded ? new AuthPayload(null, null, null, signedOut.Value, UserErrors.None) : AuthPayload.Failed(signedOut.Errors);
    }

    private static Task<object?> UpdateProfileAsync(IResolverContext context)
    {
        var input = Input.Of(context);
        return CustomerCommandAsync(context, c => c.UpdateProfileAsync(new ProfileChanges(input.String("displayName"), input.String("phone"))));
    }

    private static Task<object?> ChangePasswordAsync(IResolverContext context)
    {
        var input = Input.Of(context);
        return CustomerCommandAsync(context, c => c.ChangePasswordAsync(input.String("currentPassword") ?? string.Empty, input.String("newPassword") ?? string.Empty));
    }

    private static Task<object?> AddAddressAsync(IResolverContext context)
    {
        var input = Input.Of(context);
        var address = input.Object("address") ?? new Input(new Dictionary<string, object?>());
        return CustomerCommandAsync(context, c => c.AddAddressAsync(AddressInputs.From(address), input.Bool("makeDefault") ?? false));
    }

    private static Task<object?> RemoveAddressAsync(IResolverContext context)
    {
        if (GlobalId.KeyOf(Input.Of(context).String("addressId"), "Address") is not { } addressId)
        {
            return Task.FromResult<object?>(new CustomerPayload(null, UserErrors.Of(ErrorCode.NotFound, "No saved address of yours has this id.", "addressId")));
        }

        return CustomerCommandAsync(context, c => c.RemoveAddressAsync(addressId));
    }

    private static async Task<object?> SetRolesAsync(IResolverContext context)
    {
        if (!context.IsAdmin())
        {
            return new CustomerPayload(null, UserErrors.UnlessAdmin(context)!);
        }

        var input = Input.Of(context);
        if (GlobalId.KeyOf(input.String("customerId"), "Customer") is not { } customerId)
        {
            return new CustomerPayload(null, UserErrors.Of(ErrorCode.NotFound, "No customer has this id.", "customerId"));
        }

        var roles = input.Enums<Role>("roles") ?? [];
        var updated = await context.Grains().GetGrain<ICustomerGrain>(customerId).SetRolesAsync(roles);
        return updated.Succeeded ? new CustomerPayload(updated.Value, UserErrors.None) : new CustomerPayload(null, updated.Errors);
    }

    private static async Task<object?> CustomerCommandAsync(IResolverContext context, Func<ICustomerGrain, Task<Result<CustomerProfile>>> command)
    {
        if (context.CustomerId() is not { } customerId)
        {
            return new CustomerPayload(null, UserErrors.Unauthenticated());
        }

        var result = await command(context.Grains().GetGrain<ICustomerGrain>(customerId));
        return result.Succeeded ? new CustomerPayload(result.Value, UserErrors.None) : new CustomerPayload(null, result.Errors);
    }

    /// <summary>Counts a login or register attempt; past the limit, the answer is RATE_LIMITED and no password is looked at.</summary>
    private static IReadOnlyList<UserError>? TooManyAttempts(IResolverContext context, string? email) =>
        context.Service<SignInLimiter>().Attempt(email) is { } wait
            ? UserErrors.Of(ErrorCode.RateLimited, string.Create(
                CultureInfo.InvariantCulture, $"Too many sign-in attempts; try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds."))
            : null;

    /// <summary>
    /// The guest cart to merge at sign-in, checked before anything changes: only a guest cart id may be given, never a
    /// customer's cart.
    /// </summary>
    private static IReadOnlyList<UserError>? GuestCartKey(Input input, out string? guestCart)
    {
        guestCart = null;
        if (input.String("guestCartId") is not { } id)
        {
            return null;
        }

        guestCart = GlobalId.KeyOf(id, "Cart");
        return guestCart is null || CartIds.IsCustomerCart(guestCart)
            ? UserErrors.Of(ErrorCode.InvalidInput, "This is not a guest cart id.", "guestCartId")
            : null;
    }

    private static async Task<AuthPayload> SignedInAsync(IResolverContext context, Result<SignIn> signIn, string? guestCart)
    {
        if (!signIn.Succeeded)
        {
            return AuthPayload.Failed(signIn.Errors);
        }

        var (customer, refreshToken, _) = signIn.Value!;
        var (accessToken, expiresAt) = context.Service<AccessTokens>().Issue(customer);
        var errors = UserErrors.None;
        if (guestCart is not null)
        {
            errors = (await context.Grains().GetGrain<ICartGrain>(CartIds.ForCustomer(customer.Id)).MergeFromAsync(guestCart)).Errors;
        }

        return new AuthPayload(accessToken, refreshToken, expiresAt, customer, errors);
    }
}
