namespace OrleansShop.Deploy.Tests;

/// <summary>
/// The order mailer's settings as a deployment would give them (bicep snapshot): on the silos, which drain the
/// notification outbox, and nowhere else; none without a mail host; the SMTP password only in Key Vault.
/// </summary>
public sealed class OrderMailerSettingsTests(DeploymentBuild build)
{
    private const string MailPrefix = "OrleansShop__Mail__";

    [Fact]
    public void With_a_mail_host_the_silos_get_the_mailer_settings_from_the_parameter_file()
    {
        var prod = build.RequireSnapshot("prod");
        var silo = prod.Settings("silo");

        Assert.Equal(
            [
                ("OrleansShop__Mail__Host", "smtp.mail.example.net"),
                ("OrleansShop__Mail__Port", "465"),
                ("OrleansShop__Mail__Tls", "Implicit"),
                ("OrleansShop__Mail__From", "\"Example Shop\" <orders@shop.example.com>"),
                ("OrleansShop__Mail__User", "orders@shop.example.com"),
            ],
            silo.Where(s => s.Key.StartsWith(MailPrefix, StringComparison.Ordinal)).Select(s => (s.Key, s.Value)));

        // The password is read from the vault, whose address the silos get with the other settings.
        Assert.Single(silo, s => s.Key == "OrleansShop__KeyVault__Uri");
    }

    [Fact]
    public void The_api_gets_no_mailer_settings_since_a_cluster_client_runs_no_mailer()
    {
        var api = build.RequireSnapshot("prod").Settings("api");

        // Only a silo registers the mailer (AddCommerceSilo's silo branch); the API runs as a cluster client.
        Assert.Contains(KeyValuePair.Create("OrleansShop__Cluster__Mode", "Client"), api);
        Assert.DoesNotContain(api, s => s.Key.StartsWith(MailPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_mail_host_no_app_gets_mailer_settings_so_notifications_wait_in_the_outbox()
    {
        var dev = build.RequireSnapshot("dev");

        Assert.All(new[] { "silo", "api" }, app =>
            Assert.DoesNotContain(dev.Settings(app), s => s.Key.StartsWith(MailPrefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_smtp_password_goes_to_key_vault_and_to_nothing_else()
    {
        var main = build.RequireMain();

        // In the compiled template the secure parameter is read once: as the value of the vault secret named after the
        // configuration key the mailer binds (OrleansShop:Mail:Password).
        var vaultModule = Assert.Single(main.Resources, r => r.Type == "Microsoft.Resources/deployments" && r.Json["name"]?.GetValue<string>() == "keyvault");
        var written = vaultModule.At("properties", "parameters", "secretValues", "value")!.AsObject();
        Assert.Equal("[parameters('mailPassword')]", written["[format('{0}', variables('secretNames').mailPassword)]"]?.GetValue<string>());
        Assert.Equal("OrleansShop--Mail--Password", main.Root["variables"]!["secretNames"]!["mailPassword"]!.GetValue<string>());
        Assert.Single(Strings(main.Root), s => s.Contains("parameters('mailPassword')", StringComparison.Ordinal));

        // Deployed with a password, no predicted resource reads it. The snapshot leaves secure parameters as expressions
        // (it never shows their values), so it is the parameter that must not appear.
        var prod = build.RequireSnapshot("prod");
        Assert.DoesNotContain(Strings(prod.Root), s => s.Contains("parameters('mailPassword')", StringComparison.Ordinal));
        Assert.All(new[] { "silo", "api" }, app =>
        {
            Assert.DoesNotContain(prod.Settings(app), s => s.Key.Contains("Password", StringComparison.OrdinalIgnoreCase));
            Assert.Null(prod.ContainerApp(app)["properties"]?["configuration"]?["secrets"]);
        });
    }

    /// <summary>Every string in a JSON document, property names included (ToJsonString escapes quotes and apostrophes).</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
