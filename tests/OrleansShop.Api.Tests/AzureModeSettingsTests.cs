using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OrleansShop.Api.Tests.Support;
using OrleansShop.Grains;
using OrleansShop.ReadModels.Catalog;
using OrleansShop.ReadModels.Notifications;
using OrleansShop.ReadModels.Orders;
using OrleansShop.Silo.Hosting;

namespace OrleansShop.Api.Tests;

/// <summary>The Azure mode's settings: what stops start-up with a message naming the key, and what the SQL Server driver accepts.</summary>
public sealed class AzureModeSettingsTests
{
    [Theory]
    [InlineData("OrleansShop:Cluster:Enabled", "OrleansShop:Cluster:Provider=AzureStorage")]
    [InlineData("OrleansShop:Storage:Provider", "OrleansShop:Cluster:Enabled=true", "OrleansShop:Cluster:Provider=AzureStorage",
        "OrleansShop:Cluster:AzureStorage:ConnectionString=UseDevelopmentStorage=true")]
    [InlineData("exactly one of OrleansShop:Cluster:AzureStorage:ConnectionString", "OrleansShop:Cluster:Enabled=true", "OrleansShop:Cluster:Provider=AzureStorage",
        "OrleansShop:Storage:Provider=postgres", "OrleansShop:Storage:ConnectionString=Host=127.0.0.1;Port=1")]
    [InlineData("OrleansShop:Cluster:AzureStorage:TableServiceUri", "OrleansShop:Cluster:Mode=Client", "OrleansShop:Cluster:Provider=AzureStorage",
        "OrleansShop:Cluster:AzureStorage:TableServiceUri=http://shop.table.core.windows.net/")]
    [InlineData("exactly one of OrleansShop:Streams:AzureQueue:ConnectionString", "OrleansShop:Streams:Provider=AzureQueue")]
    [InlineData("OrleansShop:Streams:EventHubs:EventHubName", "OrleansShop:Streams:Provider=EventHubs",
        "OrleansShop:Streams:EventHubs:FullyQualifiedNamespace=shop.servicebus.windows.net")]
    [InlineData("OrleansShop:Streams:PollPeriod", "OrleansShop:Streams:PollPeriod=00:00:00")]
    [InlineData("must be PostgreSQL or SQL Server (OrleansShop:Storage:Provider=postgres or sqlserver); it is 'sqlite'", "OrleansShop:Streams:Provider=AdoNet")]
    [InlineData("OrleansShop:Streams:AdoNet:QueueCount", "OrleansShop:Streams:Provider=AdoNet", "OrleansShop:Storage:Provider=postgres",
        "OrleansShop:Storage:ConnectionString=Host=127.0.0.1;Port=1", "OrleansShop:Streams:AdoNet:QueueCount=0")]
    [InlineData("OrleansShop:Streams:AdoNet:MaxAttempts must be at least 21", "OrleansShop:Streams:Provider=AdoNet", "OrleansShop:Storage:Provider=postgres",
        "OrleansShop:Storage:ConnectionString=Host=127.0.0.1;Port=1", "OrleansShop:Streams:AdoNet:MaxAttempts=5")]
    [InlineData("OrleansShop:Streams:PullingAgent:MaxEventDeliveryTime is not read; set OrleansShop:Streams:MaxDeliveryTime instead",
        "OrleansShop:Streams:PullingAgent:MaxEventDeliveryTime=00:30:00")]
    [InlineData("OrleansShop:ReadModels:Authentication=ManagedIdentity signs in to PostgreSQL", "OrleansShop:ReadModels:Authentication=ManagedIdentity")]
    [InlineData("OrleansShop:ReadModels:ConnectionString is required", "OrleansShop:ReadModels:Provider=postgres")]
    [InlineData("remove Password from the connection string", "OrleansShop:ReadModels:Provider=postgres", "OrleansShop:ReadModels:Authentication=ManagedIdentity",
        "OrleansShop:ReadModels:ConnectionString=Host=shop.postgres.database.azure.com;Username=orleansshop-id;Password=secret")]
    [InlineData("OrleansShop:ReadModels:Provider 'sqlserver' is not known", "OrleansShop:ReadModels:Provider=sqlserver")]
    public void A_cluster_setting_that_cannot_work_stops_start_up_naming_the_key(string named, params string[] settings)
    {
        var error = ShopServer.StartUpFailure("Development", settings);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, null, 600, 21, 0)]
    [InlineData(10, null, 600, 61, 0)]
    [InlineData(30, null, 25, 2, 0)]
    [InlineData(30, 21, 600, 21, 0)]
    [InlineData(30, 20, 600, 20, 1)]
    [InlineData(2, 10, 15, 10, 0)]
    [InlineData(2, 2, 15, 2, 1)]
    public void ADO_NET_stream_attempts_outlast_a_retried_delivery(int visibilitySeconds, int? maxAttempts, int deliverySeconds, int attempts, int problems)
    {
        var rows = new AdoNetStreamSettings { VisibilityTimeout = TimeSpan.FromSeconds(visibilitySeconds), MaxAttempts = maxAttempts };
        var storage = new StorageSettings { Provider = "postgres", ConnectionString = "Host=127.0.0.1" };
        var delivery = TimeSpan.FromSeconds(deliverySeconds);

        Assert.Equal(attempts, rows.AttemptsFor(delivery));
        Assert.Equal(problems, rows.Problems(storage, delivery).Count());
    }

    [Theory]
    [InlineData("https://shop.table.core.windows.net/", null, 0)]
    [InlineData(null, "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;", 0)]
    [InlineData("https://shop.table.core.windows.net/", "UseDevelopmentStorage=true", 1)]
    [InlineData(null, null, 1)]
    [InlineData("shop.table.core.windows.net", null, 1)]
    public void Azure_table_settings_take_one_way_in(string? tableServiceUri, string? connectionString, int problems)
    {
        var settings = new AzureTableClusteringSettings { TableServiceUri = tableServiceUri, ConnectionString = connectionString };

        Assert.Equal(problems, settings.Problems().Count());
    }

    [Theory]
    [InlineData("orleansshop-events", 8, true)]
    [InlineData("events", 64, true)]
    [InlineData("Events", 8, false)]
    [InlineData("shop--events", 8, false)]
    [InlineData("-events", 8, false)]
    [InlineData("e", 1, true)]
    [InlineData("a-queue-prefix-that-is-far-too-long-for-azure-to-accept-it-here", 8, false)]
    [InlineData("events", 0, false)]
    public void Azure_queue_names_follow_Azures_rules(string prefix, int count, bool accepted)
    {
        var settings = new AzureQueueStreamSettings { ConnectionString = "UseDevelopmentStorage=true", QueuePrefix = prefix, QueueCount = count };

        Assert.Equal(accepted, !settings.Problems().Any());
        if (accepted)
        {
            Assert.Equal($"{prefix}-{count - 1}", settings.QueueNames()[^1]);
        }
    }

    [Fact]
    public void An_Azure_table_name_Azure_refuses_is_refused_at_start_up()
    {
        var settings = new AzureTableClusteringSettings { ConnectionString = "UseDevelopmentStorage=true", TableName = "orleans-silos" };

        Assert.Contains(settings.Problems(), p => p.Contains("TableName", StringComparison.Ordinal));
    }

    /// <summary>
    /// Azure SQL with the container app's managed identity instead of a password: the connection string says so
    /// (<c>Authentication=Active Directory Managed Identity</c>, <c>User Id</c> = a user-assigned identity's client id) and is
    /// passed to Orleans' providers and the migrations unchanged. SqlClient 7 signs in to Entra ID only with
    /// Microsoft.Data.SqlClient.Extensions.Azure beside it; without that package such a connection fails at open.
    /// </summary>
    [Theory]
    [InlineData("sqlite", null, null, null, "sqlite", null)]
    [InlineData("postgres", "Host=grains", null, null, "postgres", "Host=grains")]
    [InlineData("postgres", "Host=grains", "postgres", "Host=readmodels", "postgres", "Host=readmodels")]
    [InlineData("sqlserver", "Server=grains", null, null, null, null)]
    [InlineData("sqlserver", "Server=grains", "postgres", "Host=readmodels", "postgres", "Host=readmodels")]
    [InlineData("postgres", "Host=grains", "sqlite", null, "sqlite", null)]
    public void Read_models_follow_the_storage_unless_given_a_database_of_their_own(
        string storage, string? storageConnection, string? provider, string? connection, string? dialect, string? resolvedConnection)
    {
        var settings = new ReadModelSettings { Provider = provider, ConnectionString = connection };

        var resolved = settings.Resolve(new StorageSettings { Provider = storage, ConnectionString = storageConnection });

        Assert.Equal(dialect, resolved?.Dialect);
        Assert.Equal(resolvedConnection, resolved?.ConnectionString);
    }

    [Theory]
    [InlineData("postgres", true)]
    [InlineData("sqlite", false)]
    public async Task An_API_in_client_mode_reads_the_read_models_on_postgres_and_never_a_sqlite_file_of_its_own(string readModels, bool searches)
    {
        var directory = Directory.CreateTempSubdirectory("orleansshop-api-").FullName;
        try
        {
            await using var app = Program.Build(
            [
                "--urls", "http://127.0.0.1:0", "--environment", "Development", "--OrleansShop:DataDirectory=" + directory, "--OrleansShop:Demo:Seed=false",
                "--OrleansShop:Cluster:Mode=Client", "--OrleansShop:Cluster:Provider=AzureStorage",
                "--OrleansShop:Cluster:AzureStorage:ConnectionString=UseDevelopmentStorage=true",
                "--OrleansShop:Storage:Provider=sqlserver", "--OrleansShop:Storage:ConnectionString=Server=tcp:grains.database.windows.net",
                "--OrleansShop:ReadModels:Provider=" + readModels,
                .. readModels == "postgres"
                    ? (string[])["--OrleansShop:ReadModels:ConnectionString=Host=readmodels.postgres.database.azure.com;Username=orleansshop-id", "--OrleansShop:ReadModels:Authentication=ManagedIdentity"]
                    : [],
            ]);

            // Built, not started: nothing connects. The silos write the read models; the API only reads them.
            Assert.Equal(searches, app.Services.GetService<CatalogSearch>() is not null);
            Assert.Equal(searches, app.Services.GetService<OrderListStore>() is not null);
            Assert.Equal(searches, app.Services.GetService<OrderNotificationOutbox>() is not null);
            Assert.Null(app.Services.GetService<ICatalogProjection>());
            var checks = app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
            Assert.Equal(searches, checks.Any(c => c.Name == "readmodels"));
            Assert.False(File.Exists(Path.Combine(directory, "readmodels.db")));
        }
        finally
        {
            ShopServer.TryDelete(directory);
        }
    }

    [Fact]
    public void Sql_Server_connection_strings_may_sign_in_with_a_managed_identity()
    {
        var builder = new SqlConnectionStringBuilder("Server=tcp:shop.database.windows.net,1433;Database=shop;Authentication=Active Directory Managed Identity;Encrypt=True");

        Assert.Equal(SqlAuthenticationMethod.ActiveDirectoryManagedIdentity, builder.Authentication);
        Assert.NotNull(SqlAuthenticationProvider.GetProvider(SqlAuthenticationMethod.ActiveDirectoryManagedIdentity));
        Assert.NotNull(SqlAuthenticationProvider.GetProvider(SqlAuthenticationMethod.ActiveDirectoryDefault));
    }

    [Fact]
    public void A_silo_advertises_the_address_it_is_given_or_with_auto_its_own()
    {
        Assert.Equal(IPAddress.Parse("10.1.2.3"), new ClusterSettings { AdvertisedAddress = "10.1.2.3" }.ResolveAdvertisedAddress());

        var own = new ClusterSettings { AdvertisedAddress = "auto" }.ResolveAdvertisedAddress();
        Assert.Equal(AddressFamily.InterNetwork, own.AddressFamily);
        Assert.False(IPAddress.IsLoopback(own));
        Assert.Contains(own, NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address));

        var loopbackOnly = NetworkInterface.GetAllNetworkInterfaces().Where(i => i.NetworkInterfaceType == NetworkInterfaceType.Loopback);
        var none = Assert.Throws<InvalidOperationException>(() => new ClusterSettings { AdvertisedAddress = "auto" }.ResolveAdvertisedAddress(loopbackOnly));
        Assert.Contains("OrleansShop:Cluster:AdvertisedAddress", none.Message, StringComparison.Ordinal);
        var bad = Assert.Throws<InvalidOperationException>(() => new ClusterSettings { AdvertisedAddress = "silo-1.internal" }.ResolveAdvertisedAddress());
        Assert.Contains("OrleansShop:Cluster:AdvertisedAddress", bad.Message, StringComparison.Ordinal);
    }
}
