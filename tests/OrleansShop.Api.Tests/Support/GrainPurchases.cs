using OrleansShop.Api.Schema;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// Places (and pays) an order straight through the server's grains, as the checkout and payOrder fields will: for tests
/// of what a purchase allows, not of how it is made.
/// </summary>
public static class GrainPurchases
{
    public static readonly AddressInput Home = new("Ada Lovelace", "1 Main Street", null, "Springfield", "IL", "62701", "US");

    /// <param name="customerId">The customer's GraphQL id.</param>
    /// <param name="productId">The product's GraphQL id.</param>
    /// <returns>The order's status afterwards.</returns>
    public static async Task<OrderStatus> BuyAsync(this ShopServer server, string customerId, string productId, bool pay = true)
    {
        var customer = GlobalId.KeyOf(customerId, "Customer") ?? throw new ArgumentException("Not a customer id.", nameof(customerId));
        var product = GlobalId.KeyOf(productId, "Product") ?? throw new ArgumentException("Not a product id.", nameof(productId));
        var cartId = CartIds.ForCustomer(customer);
        Assert.True((await server.Grains.GetGrain<ICartGrain>(cartId).AddItemAsync(product, 1)).Succeeded);
        var key = Guid.NewGuid().ToString("N");
        var order = server.Grains.GetGrain<IOrderGrain>(OrderIds.ForCheckout(cartId, key));
        var placed = await order.CheckoutAsync(new CheckoutRequest(cartId, customer, "buyer@example.com", Home, key));
        Assert.True(placed.Succeeded, string.Join("; ", placed.Errors.Select(e => e.Message)));
        if (pay)
        {
            var paid = await order.PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_test", key));
            Assert.True(paid.Succeeded, string.Join("; ", paid.Errors.Select(e => e.Message)));
        }

        return (await order.GetAsync())!.Status;
    }
}
