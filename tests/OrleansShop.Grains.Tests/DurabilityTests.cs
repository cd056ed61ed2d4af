using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

/// <summary>The commerce state and reminders on a real SQLite file, across a cluster restart.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Catalog_stock_customer_cart_order_and_reviews_survive_a_silo_restart()
    {
        using var data = new TemporaryDirectory();
        string shoe, orderId, token;
        await using (var first = await ShopSilo.StartAsync(dataDirectory: data.Path))
        {
            await first.Grains.GetGrain<ICategoryTreeGrain>(WellKnownKeys.CategoryTree).CreateAsync(new CategoryDraft("Shoes"));
            shoe = await first.CreateProductAsync(12.50m, stock: 10, "Shoe");
            token = (await first.Customer("c1").RegisterAsync(new Registration("ada@example.com", "correct horse battery", "Ada"))).Value!.RefreshToken;
            var cartId = CartIds.ForCustomer("c1");
            await first.Cart(cartId).AddItemAsync(shoe, 3);
            orderId = (await first.CheckoutAsync(cartId, customerId: "c1")).Value!.Id;
            await first.Order(orderId).PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_visa", "pay-1"));
            await first.Grains.GetGrain<IProductReviewsGrain>(shoe).AddAsync(new ReviewDraft("c1", "Ada", 4, "Good", "Comfortable."));
            await first.Cart(cartId).AddItemAsync(shoe, 1);
        }

        await using var second = await ShopSilo.StartAsync(dataDirectory: data.Path);

        Assert.Equal("Shoe", (await second.Product(shoe).GetAsync())!.Name);
        Assert.Equal("shoes", Assert.Single(await second.Grains.GetGrain<ICategoryTreeGrain>(WellKnownKeys.CategoryTree).GetAllAsync()).Slug);
        Assert.Equal(new StockLevel(OnHand: 7, Reserved: 0, Sold: 3, Received: 10, WrittenOff: 0), (await second.Stock(shoe).GetLevelAsync()).Figures());
        var order = (await second.Order(orderId).GetAsync())!;
        Assert.Equal((OrderStatus.Paid, new Money(42.50m, "USD")), (order.Status, order.Total));
        Assert.Equal(1, (await second.Cart(CartIds.ForCustomer("c1")).GetAsync()).ItemCount);
        Assert.True((await second.Customer("c1").SignInAsync("correct horse battery")).Succeeded);
        Assert.True((await second.Customer("c1").RefreshAsync(token)).Succeeded);
        Assert.Equal(new RatingSummary(1, 4), await second.Grains.GetGrain<IProductReviewsGrain>(shoe).GetSummaryAsync());
        Assert.Equal("c1", await second.Grains.GetGrain<IEmailIndexGrain>("ada@example.com").GetOwnerAsync());
        var registerAgain = await second.Customer("c2").RegisterAsync(new Registration("ada@example.com", "correct horse battery", "Ada"));
        Assert.Equal(ErrorCode.EmailTaken, registerAgain.Error!.Code);
        Assert.NotEqual(order.Number, await second.Grains.GetGrain<IOrderNumberGrain>(WellKnownKeys.OrderNumbers).NextAsync());
    }

    [Fact]
    public async Task An_unpaid_order_still_expires_after_a_restart_because_its_reminder_is_durable()
    {
        using var data = new TemporaryDirectory();
        Action<OrderOptions> quickExpiry = o =>
        {
            o.ReservationTimeout = TimeSpan.FromSeconds(1);
            o.ReminderPeriod = TimeSpan.FromMilliseconds(200);
        };
        string shoe, orderId;
        await using (var first = await ShopSilo.StartAsync(quickExpiry, dataDirectory: data.Path))
        {
            shoe = await first.CreateProductAsync(10m, stock: 2);
            await first.Cart("cart-1").AddItemAsync(shoe, 2);
            orderId = (await first.CheckoutAsync("cart-1")).Value!.Id;
        }

        await using var second = await ShopSilo.StartAsync(quickExpiry, dataDirectory: data.Path);

        await Eventually.HoldsAsync(async () => (await second.Stock(shoe).GetLevelAsync()).Available == 2, "the expired order's stock returns");
        Assert.Equal(OrderStatus.Cancelled, (await second.Order(orderId).GetAsync())!.Status);
    }
}
