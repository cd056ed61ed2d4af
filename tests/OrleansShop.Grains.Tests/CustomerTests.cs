using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

public sealed class CustomerTests
{
    private const string Password = "correct horse battery";

    private static Registration Ada(string email = "ada@example.com") => new(email, Password, "Ada");

    [Fact]
    public async Task Register_keeps_the_profile_and_signs_in()
    {
        await using var silo = await ShopSilo.StartAsync();

        var result = await silo.Customer("c1").RegisterAsync(Ada(" Ada@Example.com "));

        Assert.True(result.Succeeded);
        Assert.Equal("Ada@Example.com", result.Value!.Customer.Email);
        Assert.Equal([Role.Customer], result.Value.Customer.Roles);
        Assert.Equal("c1", RefreshTokens.CustomerIdOf(result.Value.RefreshToken));
        Assert.Equal("c1", await silo.Grains.GetGrain<IEmailIndexGrain>(UniqueKeys.Email("ada@EXAMPLE.com")).GetOwnerAsync());
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_email_leave_exactly_one_account()
    {
        await using var silo = await ShopSilo.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            silo.Customer($"c{i}").RegisterAsync(Ada(i % 2 == 0 ? "ada@example.com" : "ADA@example.com"))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r =>
        {
            Assert.Equal(ErrorCode.EmailTaken, r.Error!.Code);
            Assert.Equal(["input", "email"], r.Error.Field);
        });
        var winner = results.Single(r => r.Succeeded).Value!.Customer.Id;
        Assert.Equal(winner, await silo.Grains.GetGrain<IEmailIndexGrain>("ada@example.com").GetOwnerAsync());
        var registered = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => silo.Customer($"c{i}").GetAsync()));
        Assert.Single(registered, c => c is not null);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("         ")]
    [InlineData("ada@example.com")]
    [InlineData("ADA@EXAMPLE.COM")]
    public async Task Weak_passwords_are_refused_and_nothing_is_registered(string password)
    {
        await using var silo = await ShopSilo.StartAsync();

        var result = await silo.Customer("c1").RegisterAsync(new Registration("ada@example.com", password, "Ada"));

        Assert.Equal(ErrorCode.WeakPassword, result.Error!.Code);
        Assert.Equal(["input", "password"], result.Error.Field);
        Assert.Null(await silo.Customer("c1").GetAsync());
        Assert.Null(await silo.Grains.GetGrain<IEmailIndexGrain>("ada@example.com").GetOwnerAsync());
    }

    [Fact]
    public async Task Bad_email_and_display_name_are_invalid_input()
    {
        await using var silo = await ShopSilo.StartAsync();

        var result = await silo.Customer("c1").RegisterAsync(new Registration("not-an-email", Password, " "));

        Assert.Equal(
            [["input", "email"], ["input", "displayName"]],
            result.Errors.Select(e => e.Field!.ToArray()).ToArray());
    }

    [Fact]
    public async Task Sign_in_verifies_the_password_without_telling_which_part_was_wrong()
    {
        await using var silo = await ShopSilo.StartAsync();
        await silo.Customer("c1").RegisterAsync(Ada());

        var right = await silo.Customer("c1").SignInAsync(Password);
        var wrong = await silo.Customer("c1").SignInAsync("wrong password!");
        var nobody = await silo.Customer("c2").SignInAsync(Password);

        Assert.True(right.Succeeded);
        Assert.Equal(ErrorCode.InvalidCredentials, wrong.Error!.Code);
        Assert.Equal(wrong.Error, nobody.Error);
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_the_spent_one_no_longer_works()
    {
        await using var silo = await ShopSilo.StartAsync();
        var first = (await silo.Customer("c1").RegisterAsync(Ada())).Value!.RefreshToken;

        var second = await silo.Customer("c1").RefreshAsync(first);

        Assert.True(second.Succeeded);
        Assert.NotEqual(first, second.Value!.RefreshToken);
        Assert.True((await silo.Customer("c1").RefreshAsync(second.Value.RefreshToken)).Succeeded);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_its_whole_family_but_not_other_sessions()
    {
        await using var silo = await ShopSilo.StartAsync();
        var customer = silo.Customer("c1");
        var stolen = (await customer.RegisterAsync(Ada())).Value!.RefreshToken;
        var otherDevice = (await customer.SignInAsync(Password)).Value!.RefreshToken;
        var current = (await customer.RefreshAsync(stolen)).Value!.RefreshToken;

        var replay = await customer.RefreshAsync(stolen);
        var afterReplay = await customer.RefreshAsync(current);
        var other = await customer.RefreshAsync(otherDevice);

        Assert.Equal(ErrorCode.InvalidCredentials, replay.Error!.Code);
        Assert.Equal(ErrorCode.InvalidCredentials, afterReplay.Error!.Code);
        Assert.True(other.Succeeded);
    }

    [Fact]
    public async Task Only_the_latest_spent_tokens_of_a_family_are_kept_and_a_recent_one_still_revokes_it()
    {
        await using var silo = await ShopSilo.StartAsync();
        var customer = silo.Customer("c1");
        var tokens = new List<string> { (await customer.RegisterAsync(Ada())).Value!.RefreshToken };
        for (var i = 0; i < 15; i++)
        {
            tokens.Add((await customer.RefreshAsync(tokens[^1])).Value!.RefreshToken);
        }

        // Too old to be remembered: refused, but not recognised as a replay, so the family lives on.
        Assert.Equal(ErrorCode.InvalidCredentials, (await customer.RefreshAsync(tokens[0])).Error!.Code);
        var newest = await customer.RefreshAsync(tokens[^1]);
        Assert.True(newest.Succeeded);

        // A recently spent one is a replay: the family ends.
        Assert.Equal(ErrorCode.InvalidCredentials, (await customer.RefreshAsync(tokens[^2])).Error!.Code);
        Assert.Equal(ErrorCode.InvalidCredentials, (await customer.RefreshAsync(newest.Value!.RefreshToken)).Error!.Code);
    }

    [Fact]
    public async Task Tokens_of_another_customer_or_garbage_are_invalid_credentials()
    {
        await using var silo = await ShopSilo.StartAsync();
        var token = (await silo.Customer("c1").RegisterAsync(Ada())).Value!.RefreshToken;
        await silo.Customer("c2").RegisterAsync(Ada("bob@example.com"));

        Assert.Equal(ErrorCode.InvalidCredentials, (await silo.Customer("c2").RefreshAsync(token)).Error!.Code);
        Assert.Equal(ErrorCode.InvalidCredentials, (await silo.Customer("c1").RefreshAsync("c1.not-a-token")).Error!.Code);
        Assert.Equal(ErrorCode.InvalidCredentials, (await silo.Customer("c1").RefreshAsync("garbage")).Error!.Code);
    }

    [Fact]
    public async Task Sign_out_revokes_that_session()
    {
        await using var silo = await ShopSilo.StartAsync();
        var token = (await silo.Customer("c1").RegisterAsync(Ada())).Value!.RefreshToken;

        Assert.True((await silo.Customer("c1").SignOutAsync(token)).Succeeded);

        Assert.Equal(ErrorCode.InvalidCredentials, (await silo.Customer("c1").RefreshAsync(token)).Error!.Code);
    }

    [Fact]
    public async Task Change_password_needs_the_current_one_applies_the_policy_and_ends_every_session()
    {
        await using var silo = await ShopSilo.StartAsync();
        var customer = silo.Customer("c1");
        var token = (await customer.RegisterAsync(Ada())).Value!.RefreshToken;

        var wrongCurrent = await customer.ChangePasswordAsync("not my password", "another long passphrase");
        var weak = await customer.ChangePasswordAsync(Password, "ada@example.com");
        var changed = await customer.ChangePasswordAsync(Password, "another long passphrase");

        Assert.Equal(ErrorCode.InvalidCredentials, wrongCurrent.Error!.Code);
        Assert.Equal(["input", "currentPassword"], wrongCurrent.Error.Field);
        Assert.Equal(ErrorCode.WeakPassword, weak.Error!.Code);
        Assert.Equal(["input", "newPassword"], weak.Error.Field);
        Assert.True(changed.Succeeded);
        Assert.Equal(ErrorCode.InvalidCredentials, (await customer.SignInAsync(Password)).Error!.Code);
        Assert.True((await customer.SignInAsync("another long passphrase")).Succeeded);
        Assert.Equal(ErrorCode.InvalidCredentials, (await customer.RefreshAsync(token)).Error!.Code);
    }

    [Fact]
    public async Task Addresses_are_added_removed_and_one_is_the_default()
    {
        await using var silo = await ShopSilo.StartAsync();
        var customer = silo.Customer("c1");
        await customer.RegisterAsync(Ada());

        var home = (await customer.AddAddressAsync(TestAddresses.Home, makeDefault: false)).Value!;
        var work = (await customer.AddAddressAsync(TestAddresses.Home with { Line1 = "2 Work Road" }, makeDefault: true)).Value!;
        var bad = await customer.AddAddressAsync(TestAddresses.Home with { Country = "USA", City = "" }, makeDefault: false);

        Assert.Equal(home.Addresses[0].Id, home.DefaultAddressId);
        Assert.Equal(work.Addresses[1].Id, work.DefaultAddressId);
        Assert.Equal(
            [["input", "address", "city"], ["input", "address", "country"]],
            bad.Errors.Select(e => e.Field!.ToArray()).ToArray());

        var removed = (await customer.RemoveAddressAsync(work.Addresses[1].Id)).Value!;

        Assert.Single(removed.Addresses);
        Assert.Equal(removed.Addresses[0].Id, removed.DefaultAddressId);
        Assert.Equal(ErrorCode.NotFound, (await customer.RemoveAddressAsync("nope")).Error!.Code);
    }

    [Fact]
    public async Task Profile_and_roles_can_be_changed()
    {
        await using var silo = await ShopSilo.StartAsync();
        var customer = silo.Customer("c1");
        await customer.RegisterAsync(Ada());

        var profile = await customer.UpdateProfileAsync(new ProfileChanges(DisplayName: "Countess", Phone: "+44 20 7946 0000"));
        var badPhone = await customer.UpdateProfileAsync(new ProfileChanges(Phone: "call me"));
        var roles = await customer.SetRolesAsync([Role.Admin, Role.Customer, Role.Admin]);
        var noRoles = await customer.SetRolesAsync([]);

        Assert.Equal("Countess", profile.Value!.DisplayName);
        Assert.Equal(ErrorCode.InvalidInput, badPhone.Error!.Code);
        Assert.Equal([Role.Customer, Role.Admin], roles.Value!.Roles);
        Assert.Equal(ErrorCode.InvalidInput, noRoles.Error!.Code);
    }
}
