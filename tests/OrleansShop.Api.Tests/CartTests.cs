using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

public sealed class CartTests(SharedShopServer fixture)
{
    private const string AddItem =
        "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id itemCount subtotal { amount currency } lines { quantity available product { id name } } } errors { code message field } } }";

    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task A_guest_cart_merges_into_the_customers_cart_at_login()
    {
        var productId = await Server.CreateProductAsync(price: "4.00", stock: 10);
        var guest = (await Server.DataAsync(AddItem, new { input = new { productId, quantity = 2 } }))["addCartItem"]!;
        Assert.Empty(guest["errors"]!.AsArray());
        var guestCartId = guest["cart"]!["id"]!.GetValue<string>();
        Assert.Equal("8.00", guest["cart"]!["subtotal"]!["amount"]!.GetValue<string>());
        var readBack = await Server.DataAsync("query($id: ID) { cart(id: $id) { itemCount } }", new { id = guestCartId });
        Assert.Equal(2, readBack["cart"]!["itemCount"]!.GetValue<int>());

        var email = ShopServer.UniqueEmail();
        var token = (await Server.RegisterAsync(email))["accessToken"]!.GetValue<string>();
        await Server.DataAsync(AddItem, new { input = new { productId, quantity = 1 } }, token);
        var login = await Server.LoginAsync(email, guestCartId: guestCartId);
        Assert.Empty(login["errors"]!.AsArray());

        var cart = (await Server.DataAsync("{ cart { itemCount lines { quantity product { id } } } me { cart { itemCount } } }", accessToken: login["accessToken"]!.GetValue<string>()))!;
        Assert.Equal(3, cart["cart"]!["itemCount"]!.GetValue<int>());
        Assert.Equal(productId, Assert.Single(cart["cart"]!["lines"]!.AsArray())!["product"]!["id"]!.GetValue<string>());
        Assert.Equal(3, cart["me"]!["cart"]!["itemCount"]!.GetValue<int>());
        var emptied = await Server.DataAsync("query($id: ID) { cart(id: $id) { itemCount } }", new { id = guestCartId });
        Assert.Equal(0, emptied["cart"]!["itemCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_customer_cannot_read_or_change_another_customers_cart()
    {
        var productId = await Server.CreateProductAsync(price: "3.00", stock: 10);
        var owner = (await Server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        var ownersCartId = (await Server.DataAsync(AddItem, new { input = new { productId, quantity = 1 } }, owner))["addCartItem"]!["cart"]!["id"]!.GetValue<string>();
        var other = (await Server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();

        var read = await Server.PostAsync("query($id: ID) { cart(id: $id) { itemCount lines { quantity } } }", new { id = ownersCartId }, other);
        var anonymous = await Server.PostAsync("query($id: ID) { cart(id: $id) { itemCount } }", new { id = ownersCartId });
        var changed = (await Server.DataAsync(AddItem, new { input = new { cartId = ownersCartId, productId, quantity = 5 } }, other))["addCartItem"]!;
        var node = await Server.DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id = ownersCartId }, other);

        Assert.Null(read["data"]!["cart"]);
        Assert.Equal("FORBIDDEN", read["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", anonymous["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", changed["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Null(node["node"]);
        var own = await Server.DataAsync("query($id: ID) { cart(id: $id) { itemCount } }", new { id = ownersCartId }, owner);
        Assert.Equal(1, own["cart"]!["itemCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_cart_inputs_give_user_errors_and_change_nothing()
    {
        var productId = await Server.CreateProductAsync(price: "2.00", stock: 10);
        var cartId = (await Server.DataAsync(AddItem, new { input = new { productId, quantity = 1 } }))["addCartItem"]!["cart"]!["id"]!.GetValue<string>();

        var zero = (await Server.DataAsync(AddItem, new { input = new { cartId, productId, quantity = 0 } }))["addCartItem"]!;
        var unknown = (await Server.DataAsync(AddItem, new { input = new { cartId, productId = "UHJvZHVjdDpub3BlCg==", quantity = 1 } }))["addCartItem"]!;
        var malformed = (await Server.DataAsync(AddItem, new { input = new { cartId, productId = "not-an-id", quantity = 1 } }))["addCartItem"]!;
        var overStock = (await Server.DataAsync(AddItem, new { input = new { cartId, productId, quantity = 10 } }))["addCartItem"]!;
        var noCart = (await Server.DataAsync(
            "mutation($input: UpdateCartItemInput!) { updateCartItem(input: $input) { cart { id } errors { code field } } }",
            new { input = new { productId, quantity = 1 } }))["updateCartItem"]!;

        AssertError(zero, "INVALID_INPUT", "quantity");
        AssertError(overStock, "OUT_OF_STOCK", "quantity");
        AssertError(unknown, "NOT_FOUND", "productId");
        AssertError(malformed, "NOT_FOUND", "productId");
        AssertError(noCart, "INVALID_INPUT", "cartId");
        var cart = await Server.DataAsync("query($id: ID) { cart(id: $id) { itemCount } }", new { id = cartId });
        Assert.Equal(1, cart["cart"]!["itemCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Updating_to_zero_and_removing_take_lines_out()
    {
        var first = await Server.CreateProductAsync(price: "1.00", stock: 10);
        var second = await Server.CreateProductAsync(price: "2.00", stock: 10);
        var cartId = (await Server.DataAsync(AddItem, new { input = new { productId = first, quantity = 1 } }))["addCartItem"]!["cart"]!["id"]!.GetValue<string>();
        await Server.DataAsync(AddItem, new { input = new { cartId, productId = second, quantity = 3 } });

        var updated = (await Server.DataAsync(
            "mutation($input: UpdateCartItemInput!) { updateCartItem(input: $input) { cart { itemCount } errors { code } } }",
            new { input = new { cartId, productId = first, quantity = 0 } }))["updateCartItem"]!;
        var removed = (await Server.DataAsync(
            "mutation($input: RemoveCartItemInput!) { removeCartItem(input: $input) { cart { itemCount subtotal { amount } } errors { code } } }",
            new { input = new { cartId, productId = second } }))["removeCartItem"]!;

        Assert.Equal(3, updated["cart"]!["itemCount"]!.GetValue<int>());
        Assert.Equal(0, removed["cart"]!["itemCount"]!.GetValue<int>());
        Assert.Equal("0.00", removed["cart"]!["subtotal"]!["amount"]!.GetValue<string>());
    }

    private static void AssertError(JsonNode payload, string code, string field)
    {
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.Equal(["input", field], error["field"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Null(payload["cart"]);
    }
}
