using System.Globalization;
using System.Net;
using OrleansShop.Silo.Hosting.Payments;

namespace OrleansShop.Api.Payments;

/// <summary>
/// The sandbox's stand-in for Alipay's checkout page: the amount, and buttons to approve or cancel. With a return path
/// (<see cref="SandboxReturnPath"/>) both buttons carry it, so the shopper lands back on the shop's page afterwards.
/// </summary>
internal static class SandboxAlipayPage
{
    public static string Render(SandboxCharge charge, string? returnPath = null)
    {
        var amount = WebUtility.HtmlEncode(string.Create(CultureInfo.InvariantCulture, $"{charge.Amount:0.00} {charge.Currency}"));
        var id = WebUtility.HtmlEncode(charge.Id);
        var status = WebUtility.HtmlEncode(charge.Status);
        var query = returnPath is null ? string.Empty : WebUtility.HtmlEncode("?" + SandboxReturnPath.QueryName + "=" + Uri.EscapeDataString(returnPath));
        return $$"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Alipay sandbox</title><link rel="icon" href="data:,">
            <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto}button{font-size:1rem;margin-right:1rem}</style></head>
            <body>
            <h1>Alipay sandbox</h1>
            <p>Payment <code>{{id}}</code> of <strong>{{amount}}</strong> is <span id="status">{{status}}</span>.</p>
            <form method="post" action="{{id}}/approve{{query}}" style="display:inline"><button type="submit">Approve</button></form>
            <form method="post" action="{{id}}/cancel{{query}}" style="display:inline"><button type="submit">Cancel</button></form>
            <p>This is a test page: no money moves.</p>
            </body>
            </html>
            """;
    }
}
