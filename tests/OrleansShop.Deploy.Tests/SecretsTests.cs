namespace OrleansShop.Deploy.Tests;

/// <summary>No secret value in a template or parameter file: secrets are secure parameters read from the deployer's environment.</summary>
public sealed class SecretsTests(DeploymentBuild build)
{
    private static readonly string[] s_secretParameters = ["authSigningKey", "paymentWebhookSecret", "firstAdminPassword"];

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
    }

    [Fact]
    public void Key_vault_secrets_are_written_only_from_non_empty_secure_values()
    {
        var secrets = Assert.Single(build.RequireMain().OfType("Microsoft.KeyVault/vaults/secrets"));
        var vaultModule = secrets.Template.Root["parameters"]!["secretValues"]!;

        Assert.Equal("secureObject", vaultModule["type"]?.GetValue<string>());
        Assert.Contains("empty(", secrets.Json["condition"]?.GetValue<string>() ?? string.Empty, StringComparison.Ordinal);
    }
}
