using System.Globalization;
using OrleansShop.Api.Auth;
using OrleansShop.Api.Limits;
using OrleansShop.GrainInterfaces;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.Api.Schema;

/// <summary>Registration, sign-in, token rotation and the signed-in customer's profile and address book.</summary>
internal static class AccountResolvers
{
    public static void Register(SchemaBuilder schema)
    {
        schema.AddResolver("Query", "me", (FieldResolver)(c => new(MeAsync(c))));
        schema.AddResolver("Mutation", "register", (FieldResolver)(c => new(RegisterAsync(c))));
        schema.AddResolver("Mutation", "login", (FieldResolver)(c => new(LoginAsync(c))));
        schema.AddResolver("Mutation", "refreshToken", (FieldResolver)(c => new(RefreshAsync(c))));
        schema.AddResolver("Mutation", "logout", (FieldResolver)(c => new(LogoutAsync(c))));
        schema.AddResolver("Mutation", "updateProfile", (FieldResolver)(c => new(UpdateProfileAsync(c))));
        schema.AddResolver("Mutation", "changePassword", (FieldResolver)(c => new(ChangePasswordAsync(c))));
        schema.AddResolver("Mutation", "addAddress", (FieldResolver)(c => new(AddAddressAsync(c))));
        schema.AddResolver("Mutation", "removeAddress", (FieldResolver)(c => new(RemoveAddressAsync(c))));
        schema.AddResolver("Mutation", "setRoles", (FieldResolver)(c => new(SetRolesAsync(c))));

        schema.AddResolver("Customer", "id", c => GlobalId.Encode("Customer", c.Parent<CustomerProfile>().Id));
        schema.AddResolver("Customer", "roles", c => c.Parent<CustomerProfile>().Roles.Select(AccessTokens.RoleName).ToList());
        schema.AddResolver("Customer", "defaultAddress", c =>
        {
            var customer = c.Parent<CustomerProfile>();
            return customer.Addresses.FirstOrDefault(a => a.Id == customer.DefaultAddressId);
        });
        schema.AddResolver("Customer", "cart", (FieldResolver)(c => new(CustomerCartAsync(c))));
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
            return badCart;
        }

        if (TooManyAttempts(context, input.String("email")) is { } limited)
        {
            return limited;
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
            return badCart;
        }

        var email = input.String("email");
        if (TooManyAttempts(context, email) is { } limited)
        {
            return limited;
        }

        var customerId = string.IsNullOrWhiteSpace(email) ? null : await context.Grains().GetGrain<IEmailIndexGrain>(UniqueKeys.Email(email)).GetOwnerAsync();
        if (customerId is null)
        {
            // The same answer as a wrong password, so sign-in does not tell which emails are registered.
            return Payload.Fail(ErrorCode.InvalidCredentials, "The email or password is wrong, or the session has ended.");
        }

        var signedIn = await context.Grains().GetGrain<ICustomerGrain>(customerId).SignInAsync(input.String("password") ?? string.Empty);
        return await SignedInAsync(context, signedIn, guestCart);
    }

    private static async Task<object?> RefreshAsync(IResolverContext context)
    {
        var token = Input.Of(context).String("refreshToken");
        if (RefreshTokens.CustomerIdOf(token) is not { } customerId)
        {
            return Payload.Fail(ErrorCode.InvalidCredentials, "The email or password is wrong, or the session has ended.");
        }

        return await SignedInAsync(context, await context.Grains().GetGrain<ICustomerGrain>(customerId).RefreshAsync(token!), null);
    }

    private static async Task<object?> LogoutAsync(IResolverContext context)
    {
        var token = Input.Of(context).String("refreshToken");
        if (RefreshTokens.CustomerIdOf(token) is not { } customerId)
        {
            return Payload.Fail(ErrorCode.InvalidInput, "This is not a refresh token.", "refreshToken");
        }

        var signedOut = await context.Grains().GetGrain<ICustomerGrain>(customerId).SignOutAsync(token!);
        return signedOut.Succeeded ? Payload.Ok("customer", signedOut.Value) : Payload.Fail(signedOut.Errors);
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
        var addressId = Input.Of(context).String("addressId") ?? string.Empty;
        return CustomerCommandAsync(context, c => c.RemoveAddressAsync(addressId));
    }

    private static async Task<object?> SetRolesAsync(IResolverContext context)
    {
        if (!context.IsAdmin())
        {
            return context.CustomerId() is null ? Payload.Unauthenticated() : Payload.Forbidden();
        }

        var input = Input.Of(context);
        if (GlobalId.KeyOf(input.String("customerId"), "Customer") is not { } customerId)
        {
            return Payload.Fail(ErrorCode.NotFound, "No customer has this id.", "customerId");
        }

        var roles = (input.Strings("roles") ?? []).Select(r => r == ShopClaims.AdminRole ? Role.Admin : Role.Customer).ToList();
        var updated = await context.Grains().GetGrain<ICustomerGrain>(customerId).SetRolesAsync(roles);
        return updated.Succeeded ? Payload.Ok("customer", updated.Value) : Payload.Fail(updated.Errors);
    }

    private static async Task<object?> CustomerCommandAsync(IResolverContext context, Func<ICustomerGrain, Task<Result<CustomerProfile>>> command)
    {
        if (context.CustomerId() is not { } customerId)
        {
            return Payload.Unauthenticated();
        }

        var result = await command(context.Grains().GetGrain<ICustomerGrain>(customerId));
        return result.Succeeded ? Payload.Ok("customer", result.Value) : Payload.Fail(result.Errors);
    }

    /// <summary>Counts a login or register attempt; past the limit, the answer is RATE_LIMITED and no password is looked at.</summary>
    private static Dictionary<string, object?>? TooManyAttempts(IResolverContext context, string? email) =>
        context.Service<SignInLimiter>().Attempt(email) is { } wait
            ? Payload.Fail(ErrorCode.RateLimited, string.Create(
                CultureInfo.InvariantCulture, $"Too many sign-in attempts; try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds."))
            : null;

    /// <summary>
    /// The guest cart to merge at sign-in, checked before anything changes: only a guest cart id may be given, never a
    /// customer's cart.
    /// </summary>
    private static Dictionary<string, object?>? GuestCartKey(Input input, out string? guestCart)
    {
        guestCart = null;
        if (input.String("guestCartId") is not { } id)
        {
            return null;
        }

        guestCart = GlobalId.KeyOf(id, "Cart");
        return guestCart is null || CartIds.IsCustomerCart(guestCart)
            ? Payload.Fail(ErrorCode.InvalidInput, "This is not a guest cart id.", "guestCartId")
            : null;
    }

    private static async Task<object?> SignedInAsync(IResolverContext context, Result<SignIn> signIn, string? guestCart)
    {
        if (!signIn.Succeeded)
        {
            return Payload.Fail(signIn.Errors);
        }

        var (customer, refreshToken, _) = signIn.Value!;
        var (accessToken, expiresAt) = context.Service<AccessTokens>().Issue(customer);
        var errors = new List<object>();
        if (guestCart is not null)
        {
            var merged = await context.Grains().GetGrain<ICartGrain>(CartIds.ForCustomer(customer.Id)).MergeFromAsync(guestCart);
            errors.AddRange(merged.Errors.Select(Payload.ToGraphQL));
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["accessToken"] = accessToken,
            ["refreshToken"] = refreshToken,
            ["expiresAt"] = expiresAt,
            ["customer"] = customer,
            ["errors"] = errors,
        };
    }
}
