using System.Text.Json;
using OrleansShop.Web.Tests.Support;

namespace OrleansShop.Web.Tests;

/// <summary>The shop in headless Chromium (playwright-core, web/e2e/) against the real API process.</summary>
public sealed class BrowserJourneyTests(ShopProcess shop)
{
    [Fact]
    public async Task Guest_searches_buys_is_declined_then_pays_and_sees_the_confirmation()
    {
        var report = await RunJourneyAsync("guest-journey.mjs");
        Assert.Equal(
            ["home", "paged", "search", "product", "cart kept across reload", "checkout validation", "checkout", "live stock", "declined", "paid", "card number only sent to the provider"],
            report.Steps);
    }

    [Fact]
    public async Task Shopper_registers_merges_the_guest_cart_on_sign_in_pays_and_cancels_from_the_order_history()
    {
        var report = await RunJourneyAsync("registered-journey.mjs");
        Assert.Equal(
            ["registered with the guest cart", "signed out", "signed in and merged the guest cart", "still signed in after a reload", "paid", "cancelled from the order history"],
            report.Steps);
    }

    [Fact]
    public async Task Guest_pays_with_Alipay_cancels_then_approves_on_the_provider_page_and_comes_back_to_the_order_paid()
    {
        var report = await RunJourneyAsync("alipay-journey.mjs");
        Assert.Equal(
            ["order placed", "sent to Alipay", "cancelled on Alipay and back, still payable", "approved and back, paid", "the other tab turned paid live"],
            report.Steps);
    }

    [Fact]
    public async Task Customer_renames_themselves_changes_their_password_keeps_an_address_book_and_checks_out_to_a_saved_address()
    {
        var report = await RunJourneyAsync("profile-journey.mjs");
        Assert.Equal(
            ["renamed", "password changed", "address added", "address removed", "kept after a reload", "checked out to the saved address"],
            report.Steps);
    }

    [Fact]
    public async Task Guest_buys_on_a_phone_sized_screen_without_sideways_scrolling_and_with_a_usable_header()
    {
        var report = await RunJourneyAsync("phone-journey.mjs");
        Assert.Equal(["home", "search", "product", "cart", "checkout", "confirmation"], report.Steps);
    }

    [Fact]
    public async Task Guest_reaches_add_to_cart_checkout_and_pay_with_the_keyboard_alone_and_always_sees_the_focus()
    {
        var report = await RunJourneyAsync("keyboard-journey.mjs");
        Assert.Equal(["searched", "added to cart", "checkout", "order placed", "paid"], report.Steps);
    }

    [Fact]
    public async Task Admin_creates_a_category_and_a_product_with_attributes_stocks_it_finds_the_buyer_then_ships_and_refunds_the_order()
    {
        var report = await RunJourneyAsync("admin-journey.mjs", ShopProcess.AdminEmail, ShopProcess.AdminPassword);
        Assert.Equal(
            ["console", "category created", "created", "edited", "received and wrote off", "in the shop", "bought", "customer detail", "shipped", "refunded"],
            report.Steps);
    }

    private async Task<JourneyReport> RunJourneyAsync(string script, params string[] arguments)
    {
        var node = WebTools.RequireNode();
        WebTools.RequireChromium();
        var screenshots = Path.Combine(Path.GetTempPath(), "orleansshop-web-shots-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(screenshots);
        var (exitCode, output, error) = await WebTools.RunAsync(
            node, [Path.Combine("e2e", script), shop.BaseAddress.ToString(), .. arguments, screenshots], WebTools.WebDirectory, TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, $"node {script} exited with {exitCode}:\n{output}\n{error}");
        var report = JourneyReport.Parse(output);
        Assert.True(report.Error is null, $"{report.Error}\nSteps: {string.Join(", ", report.Steps)}\nScreenshots: {screenshots}\nServer:\n{shop.Output()}");

        // The app runs under its Content-Security-Policy: a violation (or any script error) shows in the console.
        Assert.Empty(report.ConsoleErrors);
        Directory.Delete(screenshots, recursive: true);
        return report;
    }

    private sealed record JourneyReport(IReadOnlyList<string> Steps, string? Error, IReadOnlyList<string> ConsoleErrors)
    {
        public static JourneyReport Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new JourneyReport(
                [.. root.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!)],
                root.GetProperty("error").GetString(),
                [.. root.GetProperty("consoleErrors").EnumerateArray().Select(s => s.GetString()!)]);
        }
    }
}
