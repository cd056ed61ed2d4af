using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>Races that commerce platforms have lost items to: parallel adds to one cart, and two sign-ins merging one guest cart.</summary>
public sealed class CartConcurrencyTests(ShopServerFixture fixture) : IClassFixture<ShopServerFixture>
{
    private const string AddItem =
        "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id } errors { code message } } }";

    private const string CartLines = "query($id: ID) { cart(id: $id) { itemCount lines { quantity product { id } } } }";

    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task Fifty_parallel_adds_to_one_cart_lose_no_line_and_no_quantity()
    {
        var admin = await Server.AdminTokenAsync();
        var products = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Server.CreateProductAsync(admin)));
        var cartId = (await Server.DataAsync(AddItem, new { input = new { productId = products[0], quantity = 1 } }))["addCartItem"]!["cart"]!["id"]!.GetValue<string>();

        // Half the calls add to the same line, half spread over five others.
        var adds = Enumerable.Range(0, 50).Select(i => i % 2 == 0
            ? (Product: products[0], Quantity: 1)
            : (Product: products[1 + (i / 2 % 5)], Quantity: 2)).ToList();
        var answers = await Task.WhenAll(adds.Select(add =>
            Server.DataAsync(AddItem, new { input = new { cartId, productId = add.Product, quantity = add.Quantity } })));

        Assert.All(answers, a => Assert.Empty(a["addCartItem"]!["errors"]!.AsArray()));
        var cart = (await Server.DataAsync(CartLines, new { id = cartId }))["cart"]!;
        var lines = Lines(cart);
        Assert.Equal(6, lines.Count);
        Assert.Equal(26, lines[products[0]]);
        Assert.All(products.Skip(1), p => Assert.Equal(10, lines[p]));
        Assert.Equal(76, cart["itemCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Two_simultaneous_logins_merging_one_guest_cart_lose_nothing_and_double_nothing()
    {
        var admin = await Server.AdminTokenAsync();
        var kettle = await Server.CreateProductAsync(admin);
        var teapot = await Server.CreateProductAsync(admin);

        // Several customers race at once, each with two sessions signing in with the same guest cart.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            var email = ShopServer.UniqueEmail();
            var owner = (await Server.RegisterAsync(email))["accessToken"]!.GetValue<string>();
            await Server.DataAsync(AddItem, new { input = new { productId = kettle, quantity = 1 } }, owner);
            var guestCartId = (await Server.DataAsync(AddItem, new { input = new { productId = kettle, quantity = 2 } }))["addCartItem"]!["cart"]!["id"]!.GetValue<string>();
            await Server.DataAsync(AddItem, new { input = new { cartId = guestCartId, productId = teapot, quantity = 3 } });

            var logins = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Server.LoginAsync(email, guestCartId: guestCartId)));

            foreach (var login in logins)
            {
                Assert.Empty(login["errors"]!.AsArray());
                var cart = (await Server.DataAsync("{ cart { itemCount lines { quantity product { id } } } }", accessToken: login["accessToken"]!.GetValue<string>()))["cart"]!;
                var lines = Lines(cart);
                Assert.Equal(2, lines.Count);
                Assert.Equal(3, lines[kettle]);
                Assert.Equal(3, lines[teapot]);
            }

            var guest = (await Server.DataAsync(CartLines, new { id = guestCartId }))["cart"]!;
            Assert.Equal(0, guest["itemCount"]!.GetValue<int>());
        }));
    }

    private static Dictionary<string, int> Lines(JsonNode cart) =>
        cart["lines"]!.AsArray().ToDictionary(l => l!["product"]!["id"]!.GetValue<string>(), l => l!["quantity"]!.GetValue<int>());
}
