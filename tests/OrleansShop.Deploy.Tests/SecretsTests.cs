namespace OrleansShop.Deploy.Tests;

/// <summary>No secret value in a template or parameter file: secrets are secure parameters read from the deployer's environment.</summary>
public sealed class SecretsTests(DeploymentBuild build)
{
    private static readonly string[] s_secretParameters = ["authSigningKey", "paymentWebhookSecret", "firstAdminPassword", "mailPassword"];

    [Fact]
    public void Secret_parameters_are_secure_strings_without_default_values()
    {
        var parameters = build.RequireMain().Root["parameters"]!;

        Assert.All(s_secretParameters, name =>
        {
            Assert.Equal("securestring", parameters[name]?["type"]?.GetValue<string>());
            Assert.Equal(string.Empty, parameters[name]?["defaultValue"]?.GetValue<string>());
        });
    }

    [Fact]
    public void Parameter_files_hold_no_secret_and_pass_on_what_the_deployer_sets()
    {
        build.RequireBicep();
        var dev = build.Parameters["dev"]["parameters"]!;
        var prod = build.Parameters["prod"]["parameters"]!;

        // dev built with no ORLEANSSHOP_ variables: every secret empty, so Key Vault keeps what it holds.
        Assert.All(s_secretParameters, name => Assert.Equal(string.Empty, dev[name]?["value"]?.GetValue<string>()));
        Assert.Equal(DeploymentBuild.SigningKeyMarker, prod["authSigningKey"]?["value"]?.GetValue<string>());
        Assert.Equal(DeploymentBuild.MailPasswordMarker, prod["mailPassword"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public void Key_vault_secrets_are_written_only_from_non_empty_secure_values()
    {
        var secrets = Assert.Single(build.RequireMain().OfType("Microsoft.KeyVault/vaults/secrets"));
        var vaultModule = secrets.Template.Root["parameters"]!["secretValues"]!;

        Assert.Equal("secureObject", vaultModule["type"]?.GetValue<string>());
        Assert.Contains("empty(", secrets.Json["condition"]?.GetValue<string>() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_vault_secret_names_are_the_configuration_keys_the_apps_read_with_dashes_for_colons()
    {
        var main = build.RequireMain();
        var names = main.Root["variables"]!["secretNames"]!.AsObject();
        var vaultModule = Assert.Single(main.Resources, r => r.Type == "Microsoft.Resources/deployments" && r.Json["name"]?.GetValue<string>() == "keyvault");
        var written = vaultModule.At("properties", "parameters", "secretValues", "value")!.AsObject();

        // The app's Key Vault provider turns "--" into ":"; Key Vault names allow letters, digits and dashes only.
        Assert.Equal(
            ["OrleansShop:Admin:Password", "OrleansShop:Auth:SigningKey", "OrleansShop:Mail:Password", "OrleansShop:Payments:Sandbox:WebhookSecret"],
            names.Select(n => n.Value!.GetValue<string>().Replace("--", ":", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(names, n => Assert.Matches("^[A-Za-z0-9-]{1,127}$", n.Value!.GetValue<string>()));
        Assert.Equal(
            names.Select(n => $"[format('{{0}}', variables('secretNames').{n.Key})]").Order(StringComparer.Ordinal),
            written.Select(w => w.Key).Order(StringComparer.Ordinal));
        Assert.All(written, w => Assert.Matches(@"^\[parameters\('[A-Za-z]+'\)\]$", w.Value!.GetValue<string>()));
    }

    [Fact]
    public void The_compiled_templates_hold_no_secret_value()
    {
        build.RequireBicep();
        var secret = Assert.Single(build.RequireMain().OfType("Microsoft.KeyVault/vaults/secrets"));

        // The only secret resource takes its value from the module's secure parameter, never from a literal.
        Assert.Equal("[items(parameters('secretValues'))[copyIndex()].value]", secret.StringAt("properties", "value"));
        Assert.All(build.CompiledTemplates, template =>
        {
            Assert.DoesNotContain(DeploymentBuild.SigningKeyMarker, template.Value, StringComparison.Ordinal);
            Assert.DoesNotContain(DeploymentBuild.MailPasswordMarker, template.Value, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"(Password|AccountKey|SharedAccessKey)=[^;'""\]]", template.Value);
        });
        Assert.All(new[] { DeploymentBuild.SigningKeyMarker, DeploymentBuild.MailPasswordMarker }, marker =>
            Assert.DoesNotContain(marker, build.Parameters["dev"].ToJsonString(), StringComparison.Ordinal));
    }
}
