using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>
/// Administrators' order mails over real HTTP: a mail the real SMTP server refused is listed to an admin only, and an
/// admin's retry sends it once the server accepts.
/// </summary>
public sealed class OrderMailAdminTests
{
    private const string MailUser = "shop-mailer";
    private const string MailPassword = "mail-password-never-shown";

    private const string List =
        "query($delivery: OrderMailDelivery!, $first: Int, $after: String) { orderMails(delivery: $delivery, first: $first, after: $after) { totalCount "
        + "pageInfo { hasNextPage endCursor } edges { cursor node { id orderId orderNumber recipient kind delivery attempts lastError createdAt lastAttemptAt nextAttemptAt } } } }";

    private const string Retry =
        "mutation($input: RetryOrderMailInput!) { retryOrderMail(input: $input) { mail { id delivery attempts lastError nextAttemptAt } errors { code message field } } }";

    [Fact]
    public async Task A_mail_refused_with_550_is_listed_as_failed_to_an_admin_only_and_goes_out_once_when_the_admin_retries_it()
    {
        await using var smtp = await SmtpTestServer.StartAsync(refuse: 1, code: 550, user: MailUser, password: MailPassword);
        var logs = new CapturingLoggerProvider();
        await using var server = await OrderMailTests.StartShopAsync(
            smtp.Port,
            logs,
            ["OrleansShop:Mail:User=" + MailUser, "OrleansShop:Mail:Password=" + MailPassword]);
        var admin = await server.AdminTokenAsync();
        var (order, email, _) = await OrderMailTests.BuyAsync(server, pay: false);
        var orderId = order["id"]!.GetValue<string>();
        var shopper = (await server.LoginAsync(email))["accessToken"]!.GetValue<string>();

        var failed = await MailOfAsync(server, admin, "FAILED", orderId);
        Assert.Equal(
            (order["number"]!.GetValue<string>(), email, "PAYMENT_PENDING", "FAILED", 1),
            (failed["orderNumber"]!.GetValue<string>(), failed["recipient"]!.GetValue<string>(), failed["kind"]!.GetValue<string>(),
                failed["delivery"]!.GetValue<string>(), failed["attempts"]!.GetValue<int>()));
        Assert.StartsWith("550 ", failed["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(failed["lastAttemptAt"]!.GetValue<DateTimeOffset>() >= failed["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.Null(failed["nextAttemptAt"]);
        var listing = await server.PostAsync(List, new { delivery = "FAILED" }, admin);
        Assert.DoesNotContain(MailPassword, listing.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(MailUser, listing.ToJsonString(), StringComparison.Ordinal);

        // Neither a shopper (even the one the mail is for) nor an anonymous caller reads or retries it.
        var mailId = failed["id"]!.GetValue<string>();
        Assert.Equal("FORBIDDEN", Code(await server.PostAsync(List, new { delivery = "FAILED" }, shopper)));
        Assert.Equal("UNAUTHENTICATED", Code(await server.PostAsync(List, new { delivery = "FAILED" })));
        var byShopper = (await server.DataAsync(Retry, new { input = new { mailId } }, shopper))["retryOrderMail"]!;
        var byAnonymous = (await server.DataAsync(Retry, new { input = new { mailId } }))["retryOrderMail"]!;
        Assert.Equal(["FORBIDDEN"], byShopper.Codes());
        Assert.Equal(["UNAUTHENTICATED"], byAnonymous.Codes());
        Assert.Null(byShopper["mail"]);
        Assert.Null(byAnonymous["mail"]);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal("FAILED", (await MailOfAsync(server, admin, "FAILED", orderId))["delivery"]!.GetValue<string>());
        Assert.Empty(smtp.Accepted);

        var retried = (await server.DataAsync(Retry, new { input = new { mailId } }, admin))["retryOrderMail"]!;
        Assert.Empty(retried.Codes());
        Assert.Equal((mailId, 0), (retried["mail"]!["id"]!.GetValue<string>(), retried["mail"]!["attempts"]!.GetValue<int>()));

        var sent = Assert.Single(await smtp.WaitForAsync(1, logs));
        Assert.Equal($"order.{OrderMailTests.OrderKey(order)}.1@shop.test", sent.MessageId);
        var delivered = await MailOfAsync(server, admin, "SENT", orderId);
        Assert.Equal((mailId, 0), (delivered["id"]!.GetValue<string>(), delivered["attempts"]!.GetValue<int>()));
        Assert.Null(await FindAsync(server, admin, "FAILED", orderId));

        // A sent mail is not retried: the user error, and no second mail.
        var again = (await server.DataAsync(Retry, new { input = new { mailId } }, admin))["retryOrderMail"]!;
        Assert.Equal(["INVALID_STATE"], again.Codes());
        Assert.Equal("SENT", again["mail"]!["delivery"]!.GetValue<string>());
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Single(smtp.Accepted);
        Assert.Equal((1, 1), (smtp.Refused, smtp.Accepted.Count));
    }

    [Fact]
    public async Task Retrying_a_pending_mail_or_an_unknown_one_gives_a_user_error_and_changes_nothing()
    {
        // No mail host, so no mailer: the order's mail stays pending.
        await using var server = await ShopServer.StartAsync(settings: ShopServer.LimitsForManyTests);
        var admin = await server.AdminTokenAsync();
        var (order, email, _) = await OrderMailTests.BuyAsync(server, pay: false);
        var orderId = order["id"]!.GetValue<string>();

        var pending = await MailOfAsync(server, admin, "PENDING", orderId);
        Assert.Equal((email, 0), (pending["recipient"]!.GetValue<string>(), pending["attempts"]!.GetValue<int>()));
        Assert.Equal(pending["createdAt"]!.GetValue<DateTimeOffset>(), pending["nextAttemptAt"]!.GetValue<DateTimeOffset>());
        var mailId = pending["id"]!.GetValue<string>();

        var notFailed = (await server.DataAsync(Retry, new { input = new { mailId } }, admin))["retryOrderMail"]!;
        var unknown = (await server.DataAsync(Retry, new { input = new { mailId = mailId + "x" } }, admin))["retryOrderMail"]!;
        var notAMail = (await server.DataAsync(Retry, new { input = new { mailId = orderId } }, admin))["retryOrderMail"]!;

        Assert.Equal(["INVALID_STATE"], notFailed.Codes());
        Assert.Equal(["input", "mailId"], notFailed["errors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("PENDING", notFailed["mail"]!["delivery"]!.GetValue<string>());
        Assert.Equal(["NOT_FOUND"], unknown.Codes());
        Assert.Equal(["NOT_FOUND"], notAMail.Codes());
        Assert.Null(unknown["mail"]);
        Assert.Null(notAMail["mail"]);
        Assert.Equal(pending.ToJsonString(), (await MailOfAsync(server, admin, "PENDING", orderId)).ToJsonString());
        Assert.Null(await FindAsync(server, admin, "FAILED", orderId));
    }

    [Fact]
    public async Task Order_mails_page_newest_first_with_cursors()
    {
        await using var server = await ShopServer.StartAsync(settings: ShopServer.LimitsForManyTests);
        var admin = await server.AdminTokenAsync();
        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add((await OrderMailTests.BuyAsync(server, pay: false)).Order["id"]!.GetValue<string>());
        }

        foreach (var orderId in orders)
        {
            // The outbox is written from the order events, a moment after each order.
            await MailOfAsync(server, admin, "PENDING", orderId);
        }

        var first = (await server.DataAsync(List, new { delivery = "PENDING", first = 2 }, admin))["orderMails"]!;
        var rest = (await server.DataAsync(List, new { delivery = "PENDING", first = 2, after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }, admin))["orderMails"]!;

        Assert.Equal(3, first["totalCount"]!.GetValue<int>());
        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(rest["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(
            [orders[2], orders[1], orders[0]],
            first["edges"]!.AsArray().Concat(rest["edges"]!.AsArray()).Select(e => e!["node"]!["orderId"]!.GetValue<string>()));
        Assert.Equal("INVALID_CURSOR", Code(await server.PostAsync(List, new { delivery = "PENDING", after = "not-a-cursor" }, admin)));
    }

    [Fact]
    public async Task An_admin_retries_an_undelivered_mail_in_the_console_and_it_goes_out()
    {
        var node = await NodeTools.RequireNodeAsync();
        if (!File.Exists(NodeTools.Chromium))
        {
            NodeTools.Unavailable($"Chromium is needed at {NodeTools.Chromium} (apt-get install chromium).");
        }

        await using var smtp = await SmtpTestServer.StartAsync(refuse: 1, code: 550);
        var logs = new CapturingLoggerProvider();
        await using var server = await OrderMailTests.StartShopAsync(smtp.Port, logs);
        var admin = await server.AdminTokenAsync();
        var (order, _, _) = await OrderMailTests.BuyAsync(server, pay: false);
        await MailOfAsync(server, admin, "FAILED", order["id"]!.GetValue<string>());
        var web = Path.GetFullPath(Path.Combine(NodeTools.ProjectDirectory, "..", "..", "web"));
        Assert.True(File.Exists(Path.Combine(web, "dist", "index.html")), "The storefront is not built (npm in web/): the console cannot be served.");
        var screenshots = Directory.CreateTempSubdirectory("orleansshop-mail-shots-").FullName;

        var (exitCode, output, error) = await NodeTools.RunAsync(
            node,
            [Path.Combine("e2e", "mail-journey.mjs"), server.Http.BaseAddress!.ToString(), ShopServer.AdminEmail, ShopServer.AdminPassword, order["number"]!.GetValue<string>(), screenshots],
            web,
            TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, $"mail-journey.mjs exited with {exitCode}:\n{output}\n{error}");
        using var report = System.Text.Json.JsonDocument.Parse(output);
        var root = report.RootElement;
        Assert.True(root.GetProperty("error").ValueKind == System.Text.Json.JsonValueKind.Null, $"Screenshots in {screenshots}. Report: {output}");
        Assert.Equal(["listed with the refusal", "retried"], root.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(root.GetProperty("consoleErrors").EnumerateArray());
        Assert.Equal($"order.{OrderMailTests.OrderKey(order)}.1@shop.test", Assert.Single(await smtp.WaitForAsync(1, logs)).MessageId);
        Directory.Delete(screenshots, recursive: true);
    }

    /// <summary>The order's mail in the admin list of <paramref name="delivery"/>, waited for: the mailer works in the background.</summary>
    private static async Task<JsonNode> MailOfAsync(ShopServer server, string admin, string delivery, string orderId)
    {
        JsonNode? found = null;
        await Poll.UntilAsync(async () => (found = await FindAsync(server, admin, delivery, orderId)) is not null, seconds: 30);
        return found!;
    }

    private static async Task<JsonNode?> FindAsync(ShopServer server, string admin, string delivery, string orderId)
    {
        var mails = (await server.DataAsync(List, new { delivery, first = 100 }, admin))["orderMails"]!;
        return mails["edges"]!.AsArray().Select(e => e!["node"]!).SingleOrDefault(n => n["orderId"]!.GetValue<string>() == orderId)?.DeepClone();
    }

    private static string Code(JsonNode response) => response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();
}
