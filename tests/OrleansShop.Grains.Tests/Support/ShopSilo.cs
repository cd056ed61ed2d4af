using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Reminders;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.TestingHost;
using OrleansShop.GrainInterfaces;
using OrleansShop.Providers.Sqlite;

namespace OrleansShop.Grains.Tests.Support;

/// <summary>
/// An in-process Orleans cluster of one silo running the commerce grains, called through the cluster's client (so every
/// call crosses Orleans' serializer). Memory storage and reminders by default; for restarts, a SQLite file in
/// <c>dataDirectory</c>, or a storage and reminder table the test keeps. Reminders may tick as often as every 50 ms so
/// expiry tests are quick.
/// </summary>
internal sealed class ShopSilo : IAsyncDisposable
{
    // Orleans resolves its own clocks by these keys and falls back to the unkeyed TimeProvider, which a test's manual
    // clock replaces for the grains: pinned here to the system clock, so membership, messaging, timers and reminders
    // keep real time while the grains read the test's.
    private static readonly string[] RuntimeClocks =
    [
        TimeProviderNames.Grains, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership,
        TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory, ReminderTimeProviderNames.Reminders,
    ];

    private readonly InProcessTestCluster cluster;

    private ShopSilo(InProcessTestCluster cluster, FakePaymentGateway gateway, InMemoryProjections projections)
    {
        this.cluster = cluster;
        Gateway = gateway;
        Projections = projections;
    }

    /// <summary>The cluster's client: grain calls from here are serialized like any caller's outside the silo.</summary>
    public IClusterClient Client => cluster.Client;

    public IGrainFactory Grains => cluster.Client;

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => cluster.GetSiloServiceProvider();

    public FakePaymentGateway Gateway { get; }

    /// <summary>The order and stock events delivered to the silo's consumers, and what the customers projected.</summary>
    public InMemoryProjections Projections { get; }

    /// <param name="streams">Whether the live and domain-event stream providers are registered (without them, publishing fails, is logged and retried).</param>
    /// <param name="dataDirectory">Keeps grain state and reminders in a SQLite file there, for the next cluster to read.</param>
    /// <param name="storage">Replaces the default memory storage, e.g. with one the test keeps for the next cluster.</param>
    /// <param name="reminders">Replaces the in-memory reminder service's table, e.g. with one the test keeps for the next cluster.</param>
    public static async Task<ShopSilo> StartAsync(
        Action<OrderOptions>? orders = null,
        string? dataDirectory = null,
        FakePaymentGateway? gateway = null,
        Func<IServiceProvider, IGrainStorage>? storage = null,
        IReminderTable? reminders = null,
        TimeProvider? clock = null,
        bool streams = true,
        ICatalogProjection? catalog = null)
    {
        gateway ??= new FakePaymentGateway();
        var projections = new InMemoryProjections();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;

        // Storage and reminders belong to a service: a restarted cluster must be the same service to find them.
        builder.Options.ServiceId = "orleansshop-grain-tests";
        builder.ConfigureSiloHost((_, host) =>
        {
            var services = host.Services;
            services.AddCommerceOptions(host.Configuration);
            services.Configure<OrderOptions>(o => orders?.Invoke(o));
            services.AddSingleton<IPaymentGateway>(gateway);
            services.AddSingleton<IOrderEventConsumer>(projections);
            services.AddSingleton<IStockEventConsumer>(projections);
            services.AddSingleton<ICustomerProjection>(projections);
            if (catalog is not null)
            {
                services.AddSingleton(catalog);
                services.AddSingleton<IStockEventConsumer>(new StockAvailabilityProjection(catalog));
            }

            if (clock is not null)
            {
                services.AddSingleton(clock);
                foreach (var key in RuntimeClocks)
                {
                    services.AddKeyedSingleton(key, TimeProvider.System);
                }
            }
        });
        builder.ConfigureSilo((_, silo) =>
        {
            if (dataDirectory is not null)
            {
                var database = Path.Combine(dataDirectory, "shop.db");
                silo.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = database)
                    .UseSqliteReminderService(o => o.DatabasePath = database);
            }
            else
            {
                if (storage is null)
                {
                    silo.AddMemoryGrainStorageAsDefault();
                }
                else
                {
                    silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (services, _) => storage(services));
                }

                if (reminders is null)
                {
                    silo.UseInMemoryReminderService();
                }
                else
                {
                    silo.AddReminders();
                    silo.Services.AddSingleton(reminders);
                }
            }

            if (streams)
            {
                silo.AddMemoryGrainStorage("PubSubStore");
                silo.AddMemoryStreams(CommerceStreams.Provider);
                silo.AddMemoryStreams(DomainEvents.Provider, events =>
                {
                    events.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);

                    // A failed delivery is retried for a few seconds here, not the minutes a real read model is given.
                    events.ConfigurePullingAgent(o => o.Configure(agent => agent.MaxEventDeliveryTime = TimeSpan.FromSeconds(20)));
                });
            }

            // Orleans warns below a minute; expiry tests need ticks in milliseconds.
            silo.Configure<ReminderOptions>(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(50);
                o.RefreshReminderListPeriod = TimeSpan.FromSeconds(1);
            });
        });
        if (streams)
        {
            builder.ConfigureClient(client => client.AddMemoryStreams(CommerceStreams.Provider));
        }

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new ShopSilo(cluster, gateway, projections);
    }

    public IProductStockGrain Stock(string productId) => Grains.GetGrain<IProductStockGrain>(productId);

    public IProductGrain Product(string productId) => Grains.GetGrain<IProductGrain>(productId);

    public ICartGrain Cart(string cartId) => Grains.GetGrain<ICartGrain>(cartId);

    public ICustomerGrain Customer(string customerId) => Grains.GetGrain<ICustomerGrain>(customerId);

    public IOrderGrain Order(string orderId) => Grains.GetGrain<IOrderGrain>(orderId);

    /// <summary>Creates a product priced in USD with <paramref name="stock"/> on hand; returns its id.</summary>
    public async Task<string> CreateProductAsync(decimal price, int stock, string? name = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var created = await Product(id).CreateAsync(new ProductDraft(
            "SKU-" + id[..12], name ?? "Product " + id[..6], null, "A product.", "Acme", new Money(price, "USD")));
        Assert.True(created.Succeeded, created.Error?.Message);
        if (stock > 0)
        {
            var adjusted = await Stock(id).AdjustAsync(stock, "initial stock");
            Assert.True(adjusted.Succeeded, adjusted.Error?.Message);
        }

        return id;
    }

    /// <summary>Checks out <paramref name="cartId"/> as a guest under <paramref name="key"/>, to the derived order id.</summary>
    public Task<Result<OrderDetails>> CheckoutAsync(string cartId, string key = "key-1", string? customerId = null) =>
        Order(OrderIds.ForCheckout(cartId, key)).CheckoutAsync(new CheckoutRequest(cartId, customerId, "shopper@example.com", TestAddresses.Home, key));

    public ValueTask DisposeAsync() => cluster.DisposeAsync();
}
