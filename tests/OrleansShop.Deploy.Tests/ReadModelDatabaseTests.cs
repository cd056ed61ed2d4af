using System.Text.RegularExpressions;

namespace OrleansShop.Deploy.Tests;

/// <summary>
/// The read models' Azure Database for PostgreSQL flexible server as main.bicep compiles it: private, TLS 1.2 required,
/// Entra ID sign-ins only, backups as each environment's parameters say; and the apps pointed at it as their identity.
/// </summary>
public sealed partial class ReadModelDatabaseTests(DeploymentBuild build)
{
    private const string ServerType = "Microsoft.DBforPostgreSQL/flexibleServers";

    [Fact]
    public void Postgres_server_has_no_public_network_access_and_a_private_endpoint_in_its_private_dns_zone()
    {
        var server = Assert.Single(build.RequireMain().OfType(ServerType));

        Assert.Equal("Disabled", server.StringAt("properties", "network", "publicNetworkAccess"));
        Assert.Null(server.At("properties", "network", "delegatedSubnetResourceId"));
        var endpoint = Assert.Single(server.Template.Resources, r => r.Type == "Microsoft.Resources/deployments");
        Assert.Equal("postgresqlServer", endpoint.StringAt("properties", "parameters", "groupId", "value"));
        Assert.Equal("[parameters('postgresDnsZoneId')]", endpoint.StringAt("properties", "parameters", "privateDnsZoneId", "value"));
        Assert.Equal("[reference('vnet').outputs.postgresDnsZoneId.value]", Module("postgres").StringAt("properties", "parameters", "postgresDnsZoneId", "value"));
        Assert.Equal("privatelink.postgres.database.azure.com", ZoneOf("postgresDnsZoneId"));
    }

    [Fact]
    public void Each_private_dns_zone_output_names_its_own_services_zone()
    {
        Assert.Contains("sqlServerHostname", ZoneOf("sqlDnsZoneId"), StringComparison.Ordinal);
        Assert.StartsWith("[format('privatelink.table.", ZoneOf("tableDnsZoneId"), StringComparison.Ordinal);
        Assert.Equal("privatelink.servicebus.windows.net", ZoneOf("eventHubsDnsZoneId"));
        Assert.Equal("privatelink.postgres.database.azure.com", ZoneOf("postgresDnsZoneId"));
    }

    [Fact]
    public void Postgres_server_signs_in_with_entra_id_only_and_has_an_entra_administrator()
    {
        var server = Assert.Single(build.RequireMain().OfType(ServerType));

        Assert.Equal("Enabled", server.StringAt("properties", "authConfig", "activeDirectoryAuth"));
        Assert.Equal("Disabled", server.StringAt("properties", "authConfig", "passwordAuth"));
        Assert.Null(server.At("properties", "administratorLogin"));
        Assert.Null(server.At("properties", "administratorLoginPassword"));
        var administrator = Assert.Single(build.Main.OfType(ServerType + "/administrators"));
        Assert.Equal("[parameters('administrator').login]", administrator.StringAt("properties", "principalName"));
        Assert.Equal("[parameters('sqlAdministrator')]", Module("postgres").StringAt("properties", "parameters", "administrator", "value"));
    }

    [Fact]
    public void Postgres_server_requires_tls_1_2_or_newer_on_every_connection()
    {
        var settings = build.RequireMain().OfType(ServerType + "/configurations")
            .ToDictionary(c => SettingName().Match(c.Json["name"]!.GetValue<string>()).Groups[1].Value, c => c.StringAt("properties", "value"));

        Assert.Equal("on", settings["require_secure_transport"]);
        Assert.Equal("TLSv1.2", settings["ssl_min_protocol_version"]);
    }

    [Fact]
    public void Postgres_backups_are_kept_as_each_environment_says_and_geo_redundant_in_prod()
    {
        var server = Assert.Single(build.RequireMain().OfType(ServerType));
        Assert.Equal("[parameters('backupRetentionDays')]", server.StringAt("properties", "backup", "backupRetentionDays"));
        Assert.Equal("[if(parameters('geoRedundantBackup'), 'Enabled', 'Disabled')]", server.StringAt("properties", "backup", "geoRedundantBackup"));
        var module = Module("postgres");
        Assert.Equal("[parameters('postgres').backupRetentionDays]", module.StringAt("properties", "parameters", "backupRetentionDays", "value"));
        Assert.Equal("[parameters('postgres').geoRedundantBackup]", module.StringAt("properties", "parameters", "geoRedundantBackup", "value"));

        // Azure keeps 7 to 35 days; the module refuses anything else before Azure is asked.
        var retention = server.Template.Root["parameters"]!["backupRetentionDays"]!;
        Assert.Equal(7, retention["minValue"]!.GetValue<int>());
        Assert.Equal(35, retention["maxValue"]!.GetValue<int>());

        var dev = build.Parameters["dev"]["parameters"]!["postgres"]!["value"]!;
        var prod = build.Parameters["prod"]["parameters"]!["postgres"]!["value"]!;
        Assert.Equal(7, dev["backupRetentionDays"]!.GetValue<int>());
        Assert.False(dev["geoRedundantBackup"]!.GetValue<bool>());
        Assert.Equal(35, prod["backupRetentionDays"]!.GetValue<int>());
        Assert.True(prod["geoRedundantBackup"]!.GetValue<bool>());
        Assert.Equal("ZoneRedundant", prod["highAvailability"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("api-app", "settings")]
    [InlineData("silo-app", "sharedSettings")]
    public void Each_app_reads_its_read_models_on_postgres_as_its_managed_identity_over_verified_tls(string module, string settingsParameter)
    {
        var settings = Module(module).At("properties", "parameters", settingsParameter, "value")!.GetValue<string>();

        Assert.Contains("createObject('name', 'OrleansShop__ReadModels__Provider', 'value', 'postgres')", settings, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'OrleansShop__ReadModels__Authentication', 'value', 'ManagedIdentity')", settings, StringComparison.Ordinal);
        var connection = ReadModelConnectionString().Match(settings);
        Assert.True(connection.Success, settings);

        // The role is the identity's name (the one the apps run as); no password; the server's certificate checked.
        Assert.Equal(
            "format('Host={0};Port=5432;Database={1};Username={2};SSL Mode=VerifyFull', reference('readModelDatabase').outputs.fullyQualifiedDomainName.value, "
            + "reference('readModelDatabase').outputs.databaseName.value, variables('identityName'))",
            connection.Groups[1].Value);
        Assert.Equal("[variables('identityName')]", Module("identity").StringAt("properties", "parameters", "name", "value"));
    }

    private ArmResource Module(string name) =>
        Assert.Single(build.RequireMain().Resources, r => r.Type == "Microsoft.Resources/deployments" && r.Json["name"]?.GetValue<string>() == name);

    /// <summary>The zone name an output of the network module points at, through its index into privateDnsZoneNames.</summary>
    private string ZoneOf(string output)
    {
        var network = Assert.Single(build.RequireMain().Nested, n => n.Path == "main/network");
        var value = network.Root["outputs"]![output]!["value"]!.GetValue<string>();
        var index = ZoneIndex().Match(value);
        Assert.True(index.Success, $"{output} does not name its zone by index: {value}");
        return network.Root["variables"]!["privateDnsZoneNames"]![int.Parse(index.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]!.GetValue<string>();
    }

    [GeneratedRegex(@"createObject\('name', 'OrleansShop__ReadModels__ConnectionString', 'value', (format\(.*?variables\('identityName'\)\))\)")]
    private static partial Regex ReadModelConnectionString();

    [GeneratedRegex(@"^\[resourceId\('Microsoft.Network/privateDnsZones', variables\('privateDnsZoneNames'\)\[(\d+)\]\)\]$")]
    private static partial Regex ZoneIndex();

    [GeneratedRegex(@"'([a-z_]+)'\)\]$")]
    private static partial Regex SettingName();
}
