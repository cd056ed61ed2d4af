using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

public sealed class CartTests
{
    [Fact]
    public async Task Adding_prices_the_cart_at_current_catalog_prices()
    {
        await using var silo = await ShopSilo.StartAsync();
        var shoe = await silo.CreateProductAsync(20.50m, stock: 10);
        var sock = await silo.CreateProductAsync(3.25m, stock: 10);
        var cart = silo.Cart("guest-1");

        await cart.AddItemAsync(shoe, 2);
        var view = (await cart.AddItemAsync(sock, 3)).Value!;

        Assert.Equal(5, view.ItemCount);
        Assert.Equal(new Money(50.75m, "USD"), view.Subtotal);
        Assert.All(view.Lines, l => Assert.True(l.Available));
        Assert.Equal(new Money(41.00m, "USD"), view.Lines.Single(l => l.ProductId == shoe).LineTotal);
    }

    [Fact]
    public async Task Unknown_and_archived_products_are_refused()
    {
        await using var silo = await ShopSilo.StartAsync();
        var archived = await silo.CreateProductAsync(5m, stock: 10);
        await silo.Product(archived).ArchiveAsync();
        var cart = silo.Cart("guest-1");

        var unknown = await cart.AddItemAsync("no-such-product", 1);
        var gone = await cart.AddItemAsync(archived, 1);

        Assert.Equal(ErrorCode.NotFound, unknown.Error!.Code);
        Assert.Equal(["input", "productId"], unknown.Error.Field);
        Assert.Equal(ErrorCode.ProductUnavailable, gone.Error!.Code);
        Assert.Empty((await cart.GetAsync()).Lines);
    }

    [Fact]
    public async Task Update_to_zero_removes_the_line_and_quantity_limits_hold()
    {
        await using var silo = await ShopSilo.StartAsync();
        var shoe = await silo.CreateProductAsync(10m, stock: 10);
        var cart = silo.Cart("guest-1");
        await cart.AddItemAsync(shoe, 2);

        var tooMany = await cart.UpdateItemAsync(shoe, 100);
        var negative = await cart.UpdateItemAsync(shoe, -1);
        var zeroAdd = await cart.AddItemAsync(shoe, 0);
        Assert.Equal(2, (await cart.GetAsync()).ItemCount);

        var removed = await cart.UpdateItemAsync(shoe, 0);

        Assert.Equal(ErrorCode.InvalidInput, tooMany.Error!.Code);
        Assert.Equal(ErrorCode.InvalidInput, negative.Error!.Code);
        Assert.Equal(ErrorCode.InvalidInput, zeroAdd.Error!.Code);
        Assert.Empty(removed.Value!.Lines);
        Assert.Equal(Money.Zero("USD"), removed.Value.Subtotal);
    }

    [Fact]
    public async Task A_line_shows_unavailable_once_its_product_is_archived_or_short_of_stock_and_is_left_out_of_the_subtotal()
    {
        await using var silo = await ShopSilo.StartAsync();
        var archivedLater = await silo.CreateProductAsync(10m, stock: 10);
        var scarceLater = await silo.CreateProductAsync(7m, stock: 2);
        var kept = await silo.CreateProductAsync(3m, stock: 5);
        var cart = silo.Cart("guest-1");
        await cart.AddItemAsync(archivedLater, 1);
        await cart.AddItemAsync(scarceLater, 2);
        await cart.AddItemAsync(kept, 1);

        await silo.Product(archivedLater).ArchiveAsync();
        await silo.Stock(scarceLater).AdjustAsync(-1, "damaged");

        var view = await cart.GetAsync();
        Assert.Equal([false, false, true], view.Lines.Select(l => l.Available));
        Assert.Equal(new Money(3m, "USD"), view.Subtotal);
        Assert.Equal(4, view.ItemCount);
    }

    [Fact]
    public async Task Adding_more_than_is_available_is_refused_with_out_of_stock_and_changes_nothing()
    {
        await using var silo = await ShopSilo.StartAsync();
        var scarce = await silo.CreateProductAsync(10m, stock: 2, "Lamp");
        var none = await silo.CreateProductAsync(10m, stock: 0, "Vase");
        var cart = silo.Cart("guest-1");
        await cart.AddItemAsync(scarce, 1);

        var tooMany = await cart.AddItemAsync(scarce, 2);
        var soldOut = await cart.AddItemAsync(none, 1);
        var raised = await cart.UpdateItemAsync(scarce, 3);

        Assert.Equal((ErrorCode.OutOfStock, "Only 2 of Lamp available."), (tooMany.Error!.Code, tooMany.Error.Message));
        Assert.Equal((ErrorCode.OutOfStock, "Vase is out of stock."), (soldOut.Error!.Code, soldOut.Error.Message));
        Assert.Equal(ErrorCode.OutOfStock, raised.Error!.Code);
        Assert.Equal([(scarce, 1)], (await cart.GetAsync()).Lines.Select(l => (l.ProductId, l.Quantity)));
        Assert.True((await cart.AddItemAsync(scarce, 1)).Succeeded);
    }

    [Fact]
    public async Task Fifty_parallel_adds_lose_nothing()
    {
        await using var silo = await ShopSilo.StartAsync();
        var shoe = await silo.CreateProductAsync(1m, stock: 100);
        var others = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => silo.CreateProductAsync(2m, stock: 100)));
        var cart = silo.Cart("guest-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => cart.AddItemAsync(i < 40 ? shoe : others[i % 5], 1)));

        Assert.All(results, r => Assert.True(r.Succeeded));
        var view = await cart.GetAsync();
        Assert.Equal(50, view.ItemCount);
        Assert.Equal(40, view.Lines.Single(l => l.ProductId == shoe).Quantity);
        Assert.Equal(new Money(40m + 20m, "USD"), view.Subtotal);
    }

    [Fact]
    public async Task Merging_the_same_guest_cart_twice_concurrently_loses_and_doubles_nothing()
    {
        await using var silo = await ShopSilo.StartAsync();
        var shoe = await silo.CreateProductAsync(10m, stock: 100);
        var sock = await silo.CreateProductAsync(2m, stock: 100);
        var guest = silo.Cart("guest-1");
        await guest.AddItemAsync(shoe, 2);
        await guest.AddItemAsync(sock, 3);
        var mine = silo.Cart(CartIds.ForCustomer("c1"));
        await mine.AddItemAsync(shoe, 1);

        var merges = await Task.WhenAll(mine.MergeFromAsync("guest-1"), mine.MergeFromAsync("guest-1"));
        var third = await mine.MergeFromAsync("guest-1");

        Assert.All(merges.Append(third), r => Assert.True(r.Succeeded));
        var view = await mine.GetAsync();
        Assert.Equal(3, view.Lines.Single(l => l.ProductId == shoe).Quantity);
        Assert.Equal(3, view.Lines.Single(l => l.ProductId == sock).Quantity);
        var guestView = await guest.GetAsync();
        Assert.Empty(guestView.Lines);
        Assert.Equal(CartIds.ForCustomer("c1"), guestView.MergedInto);
    }

    [Fact]
    public async Task A_guest_cart_merges_into_one_cart_only_and_then_takes_no_changes()
    {
        await using var silo = await ShopSilo.StartAsync();
        var shoe = await silo.CreateProductAsync(10m, stock: 100);
        await silo.Cart("guest-1").AddItemAsync(shoe, 2);

        var merges = await Task.WhenAll(
            silo.Cart(CartIds.ForCustomer("a")).MergeFromAsync("guest-1"),
            silo.Cart(CartIds.ForCustomer("b")).MergeFromAsync("guest-1"));
        var addToMerged = await silo.Cart("guest-1").AddItemAsync(shoe, 1);

        Assert.Single(merges, m => m.Succeeded);
        Assert.Equal(ErrorCode.InvalidState, merges.Single(m => !m.Succeeded).Error!.Code);
        Assert.Equal(2, merges.Single(m => m.Succeeded).Value!.ItemCount);
        Assert.Equal(ErrorCode.InvalidState, addToMerged.Error!.Code);
    }

    [Fact]
    public async Task Handing_over_again_to_the_same_target_returns_the_same_lines()
    {
        await using var silo = await ShopSilo.StartAsync();
        var shoe = await silo.CreateProductAsync(10m, stock: 100);
        await silo.Cart("guest-1").AddItemAsync(shoe, 2);

        var first = await silo.Cart("guest-1").HandOverAsync("target");
        var retry = await silo.Cart("guest-1").HandOverAsync("target");

        Assert.Equal([new CartItem(shoe, 2)], first.Value!);
        Assert.Equal(first.Value, retry.Value!);
    }

    [Fact]
    public async Task Clear_empties_the_cart()
    {
        await using var silo = await ShopSilo.StartAsync();
        var shoe = await silo.CreateProductAsync(10m, stock: 100);
        await silo.Cart("guest-1").AddItemAsync(shoe, 2);

        var cleared = await silo.Cart("guest-1").ClearAsync();

        Assert.Empty(cleared.Lines);
        Assert.Equal(0, cleared.ItemCount);
    }
}
