using System.Text.Json.Nodes;
using OrleansShop.Api.Schema;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

public sealed class AccountTests(SharedShopServer fixture)
{
    private const string Refresh = "mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken refreshToken errors { code } } }";
    private const string Logout = "mutation($input: LogoutInput!) { logout(input: $input) { customer { email } errors { code } } }";
    private const string Me = "{ me { id email displayName roles } }";

    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task Register_login_me_refresh_and_logout_follow_one_session()
    {
        var email = ShopServer.UniqueEmail();
        var registered = await Server.RegisterAsync(email);
        Assert.False(string.IsNullOrEmpty(registered["accessToken"]!.GetValue<string>()));
        var expiresAt = DateTimeOffset.Parse(registered["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));

        var login = await Server.LoginAsync(email);
        Assert.Empty(login["errors"]!.AsArray());
        var me = (await Server.DataAsync(Me, accessToken: login["accessToken"]!.GetValue<string>()))["me"]!;
        Assert.Equal(email, me["email"]!.GetValue<string>());
        Assert.Equal(["CUSTOMER"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        var first = login["refreshToken"]!.GetValue<string>();
        var rotated = (await Server.DataAsync(Refresh, new { input = new { refreshToken = first } }))["refreshToken"]!;
        Assert.Empty(rotated["errors"]!.AsArray());
        var second = rotated["refreshToken"]!.GetValue<string>();
        Assert.NotEqual(first, second);
        Assert.Equal(email, (await Server.DataAsync(Me, accessToken: rotated["accessToken"]!.GetValue<string>()))["me"]!["email"]!.GetValue<string>());

        var loggedOut = (await Server.DataAsync(Logout, new { input = new { refreshToken = second } }))["logout"]!;
        Assert.Empty(loggedOut["errors"]!.AsArray());
        Assert.Equal(email, loggedOut["customer"]!["email"]!.GetValue<string>());
        var afterLogout = (await Server.DataAsync(Refresh, new { input = new { refreshToken = second } }))["refreshToken"]!;
        Assert.Equal("INVALID_CREDENTIALS", Code(afterLogout));
        Assert.Null(afterLogout["accessToken"]);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_its_whole_family()
    {
        var registered = await Server.RegisterAsync(ShopServer.UniqueEmail());
        var first = registered["refreshToken"]!.GetValue<string>();
        var second = (await Server.DataAsync(Refresh, new { input = new { refreshToken = first } }))["refreshToken"]!["refreshToken"]!.GetValue<string>();

        var replayed = (await Server.DataAsync(Refresh, new { input = new { refreshToken = first } }))["refreshToken"]!;
        Assert.Equal("INVALID_CREDENTIALS", Code(replayed));

        // The thief's replay ended the session for the rightful holder of the newest token too.
        var newest = (await Server.DataAsync(Refresh, new { input = new { refreshToken = second } }))["refreshToken"]!;
        Assert.Equal("INVALID_CREDENTIALS", Code(newest));
    }

    [Fact]
    public async Task Anonymous_me_is_null()
    {
        var data = await Server.DataAsync(Me);

        Assert.Null(data["me"]);
    }

    [Fact]
    public async Task A_forged_access_token_is_anonymous()
    {
        var registered = await Server.RegisterAsync(ShopServer.UniqueEmail());
        var token = registered["accessToken"]!.GetValue<string>();
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var data = await Server.DataAsync(Me, accessToken: forged);

        Assert.Null(data["me"]);
    }

    [Fact]
    public async Task Bad_registrations_give_user_errors_with_codes_and_create_no_account()
    {
        const string Register = "mutation($input: RegisterInput!) { register(input: $input) { accessToken customer { id } errors { code field } } }";
        var email = ShopServer.UniqueEmail();

        var weak = (await Server.DataAsync(Register, new { input = new { email, password = "short", displayName = "Ann" } }))["register"]!;
        Assert.Equal("WEAK_PASSWORD", Code(weak));
        Assert.Equal(["input", "password"], weak["errors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Null(weak["accessToken"]);
        Assert.Null(weak["customer"]);

        var badEmail = (await Server.DataAsync(Register, new { input = new { email = "not-an-email", password = "a-good-long-password", displayName = "Ann" } }))["register"]!;
        Assert.Equal("INVALID_INPUT", Code(badEmail));

        // Nothing was created by the refused registration: the email is still free.
        await Server.RegisterAsync(email);
        var taken = (await Server.DataAsync(Register, new { input = new { email, password = "another-long-password", displayName = "Bob" } }))["register"]!;
        Assert.Equal("EMAIL_TAKEN", Code(taken));
    }

    [Fact]
    public async Task Login_with_a_wrong_password_or_unknown_email_gives_INVALID_CREDENTIALS()
    {
        var email = ShopServer.UniqueEmail();
        await Server.RegisterAsync(email);

        var wrong = await Server.LoginAsync(email, "not-the-password");
        var unknown = await Server.LoginAsync(ShopServer.UniqueEmail());

        Assert.Equal("INVALID_CREDENTIALS", Code(wrong));
        Assert.Equal("INVALID_CREDENTIALS", Code(unknown));
        Assert.Null(wrong["accessToken"]);
    }

    [Fact]
    public async Task Profile_and_address_book_change_for_the_signed_in_customer_only()
    {
        var token = (await Server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        const string AddAddress = "mutation($input: AddAddressInput!) { addAddress(input: $input) { customer { addresses { id city } defaultAddress { id } } errors { code field } } }";
        var address = new { name = "Ann", line1 = "1 Main St", city = "Springfield", postalCode = "12345", country = "US" };

        var anonymous = (await Server.DataAsync(AddAddress, new { input = new { address } }))["addAddress"]!;
        Assert.Equal("UNAUTHENTICATED", Code(anonymous));

        var added = (await Server.DataAsync(AddAddress, new { input = new { address } }, token))["addAddress"]!;
        Assert.Empty(added["errors"]!.AsArray());
        var addressId = added["customer"]!["addresses"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(addressId, added["customer"]!["defaultAddress"]!["id"]!.GetValue<string>());
        Assert.True(GlobalId.TryDecode(addressId, out var idType, out _) && idType == "Address", "An address's id is a global id like every other.");

        var profile = (await Server.DataAsync(
            "mutation { updateProfile(input: { displayName: \"Ann B.\", phone: \"+1 555 0100\" }) { customer { displayName phone } errors { code } } }",
            accessToken: token))["updateProfile"]!;
        Assert.Equal("Ann B.", profile["customer"]!["displayName"]!.GetValue<string>());

        var removed = (await Server.DataAsync(
            "mutation($input: RemoveAddressInput!) { removeAddress(input: $input) { customer { addresses { id } } errors { code } } }",
            new { input = new { addressId } },
            token))["removeAddress"]!;
        Assert.Empty(removed["customer"]!["addresses"]!.AsArray());
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_refresh_tokens()
    {
        var email = ShopServer.UniqueEmail();
        var registered = await Server.RegisterAsync(email);
        var token = registered["accessToken"]!.GetValue<string>();
        const string Change = "mutation($input: ChangePasswordInput!) { changePassword(input: $input) { customer { email } errors { code field } } }";

        var wrong = (await Server.DataAsync(Change, new { input = new { currentPassword = "not-the-password", newPassword = "a-new-long-password" } }, token))["changePassword"]!;
        Assert.Equal("INVALID_CREDENTIALS", Code(wrong));

        var changed = (await Server.DataAsync(Change, new { input = new { currentPassword = "a-good-long-password", newPassword = "a-new-long-password" } }, token))["changePassword"]!;
        Assert.Empty(changed["errors"]!.AsArray());
        var refreshed = (await Server.DataAsync(Refresh, new { input = new { refreshToken = registered["refreshToken"]!.GetValue<string>() } }))["refreshToken"]!;
        Assert.Equal("INVALID_CREDENTIALS", Code(refreshed));
        var login = await Server.LoginAsync(email, "a-new-long-password");
        Assert.Empty(login["errors"]!.AsArray());
    }

    private static string? Code(JsonNode payload) => payload["errors"]!.AsArray().FirstOrDefault()?["code"]?.GetValue<string>();
}
