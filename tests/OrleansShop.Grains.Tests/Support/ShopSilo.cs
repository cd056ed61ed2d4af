using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;
using OrleansShop.Runtime;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Grains.Tests.Support;

/// <summary>
/// A real in-process silo running the commerce grains: memory storage and reminders by default, or a SQLite file in
/// <c>dataDirectory</c> for durability tests. Reminders may tick as often as every 50 ms so expiry tests are quick.
/// </summary>
internal sealed class ShopSilo : IAsyncDisposable
{
    private readonly IHost host;

    private ShopSilo(IHost host, FakePaymentGateway gateway, InMemoryProjections projections)
    {
        this.host = host;
        Gateway = gateway;
        Projections = projections;
    }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => host.Services;

    public FakePaymentGateway Gateway { get; }

    /// <summary>What the order and customer grains projected to the admin lists.</summary>
    public InMemoryProjections Projections { get; }

    /// <param name="streams">Whether the commerce stream provider is registered (without it, publishing fails and is logged).</param>
    /// <param name="storage">Replaces the default memory storage (e.g. one shared by two silos in turn); ignored with a data directory.</param>
    public static async Task<ShopSilo> StartAsync(
        Action<OrderOptions>? orders = null,
        string? dataDirectory = null,
        FakePaymentGateway? gateway = null,
        Func<IServiceProvider, IGrainStorage>? storage = null,
        InMemoryReminderTable? reminders = null,
        TimeProvider? clock = null,
        bool streams = true,
        ICatalogProjection? catalog = null)
    {
        gateway ??= new FakePaymentGateway();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IPaymentGateway>(gateway);
        var projections = new InMemoryProjections();
        builder.Services.AddSingleton<IOrderProjection>(projections);
        builder.Services.AddSingleton<ICustomerProjection>(projections);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        if (catalog is not null)
        {
            builder.Services.AddSingleton(catalog);
        }

        builder.Services.Configure<OrderOptions>(o => orders?.Invoke(o));
        builder.UseSilo(silo =>
        {
            silo.AddGrains(typeof(IPaymentGateway).Assembly);
            if (streams)
            {
                silo.AddMemoryStreams(CommerceStreams.Provider);
            }
            if (dataDirectory is null)
            {
                (storage is null ? silo.AddMemoryGrainStorage() : silo.AddGrainStorage(PersistentStateAttribute.DefaultStorageName, storage))
                    .UseInMemoryReminderTable(reminders);
            }
            else
            {
                // Without reflection: every state type must be in the grains' source-generated JSON context.
                silo.AddSqliteGrainStorage("Default", o =>
                    {
                        o.DataDirectory = dataDirectory;
                        o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, CommerceJson.StateResolver);
                        o.AllowReflectionFallback = false;
                    })
                    .UseSqliteReminders(o => o.DataDirectory = dataDirectory);
            }

            silo.Configure<ReminderOptions>(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(50);
                o.RefreshReminderListPeriod = TimeSpan.FromSeconds(1);
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
        });
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new ShopSilo(host, gateway, projections);
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

    public async Task StopAsync() => await host.StopAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(CancellationToken.None);
        }
        finally
        {
            host.Dispose();
        }
    }
}
