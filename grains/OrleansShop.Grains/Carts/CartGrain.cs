using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Core;
using Orleans.Runtime;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// A cart holds product ids and quantities; prices and availability are read from the catalog and stock each time the
/// cart is shown, so it never shows a stale price.
/// </summary>
[GrainType("cart")]
internal sealed class CartGrain(
    [PersistentState("cart")] IPersistentState<CartState> cart,
    IOptions<CartOptions> options) : Grain, ICartGrain
{
    private readonly CartOptions limits = options.Value;

    private string Id => this.GetPrimaryKeyString();

    private List<CartItem> Lines => cart.State.Lines;

    public async Task<Result<CartView>> AddItemAsync(string productId, int quantity)
    {
        if (quantity < 1)
        {
            return Result<CartView>.Fail(ErrorCode.InvalidInput, "Quantity must be at least 1.", "quantity");
        }

        var current = Lines.Find(l => l.ProductId == productId)?.Quantity ?? 0;
        return await SetQuantityAsync(productId, current + quantity);
    }

    public async Task<Result<CartView>> UpdateItemAsync(string productId, int quantity)
    {
        if (quantity < 0)
        {
            return Result<CartView>.Fail(ErrorCode.InvalidInput, "Quantity must not be negative.", "quantity");
        }

        return quantity == 0 ? await RemoveItemAsync(productId) : await SetQuantityAsync(productId, quantity);
    }

    public async Task<Result<CartView>> RemoveItemAsync(string productId)
    {
        if (cart.State.HandedOverTo is { } target)
        {
            return MergedAway(target);
        }

        if (Lines.RemoveAll(l => l.ProductId == productId) > 0)
        {
            await SaveAsync();
        }

        return Result<CartView>.Ok(await GetAsync());
    }

    public async Task<Result<CartView>> MergeFromAsync(string guestCartId)
    {
        if (string.IsNullOrWhiteSpace(guestCartId) || guestCartId == Id)
        {
            return Result<CartView>.Fail(ErrorCode.InvalidInput, "A different cart id is required to merge from.", "guestCartId");
        }

        if (cart.State.HandedOverTo is { } target)
        {
            return MergedAway(target);
        }

        // This grain runs one call at a time, so a concurrent second merge of the same cart waits and then stops here.
        if (cart.State.MergedFrom.Contains(guestCartId))
        {
            return Result<CartView>.Ok(await GetAsync());
        }

        var handedOver = await GrainFactory.GetGrain<ICartGrain>(guestCartId).HandOverAsync(Id);
        if (!handedOver.Succeeded)
        {
            return Result<CartView>.Fail(handedOver.Errors);
        }

        var products = await ReadProductsAsync(handedOver.Value!.Select(i => i.ProductId));
        foreach (var item in handedOver.Value!)
        {
            // A product gone from the catalog, or priced in another currency, cannot join this cart.
            if (products.GetValueOrDefault(item.ProductId) is not { } product || (cart.State.Currency ?? product.Price.Currency) != product.Price.Currency)
            {
                continue;
            }

            var index = Lines.FindIndex(l => l.ProductId == item.ProductId);
            if (index < 0 && Lines.Count >= limits.MaxLines)
            {
                continue;
            }

            var quantity = Math.Min(limits.MaxQuantityPerLine, (index < 0 ? 0 : Lines[index].Quantity) + item.Quantity);
            Put(item.ProductId, quantity, index);
            cart.State.Currency = product.Price.Currency;
        }

        cart.State.MergedFrom.Add(guestCartId);
        await SaveAsync();
        return Result<CartView>.Ok(await GetAsync());
    }

    public async Task<Result<IReadOnlyList<CartItem>>> HandOverAsync(string targetCartId)
    {
        if (cart.State.HandedOverTo is { } target)
        {
            return target == targetCartId
                ? Result<IReadOnlyList<CartItem>>.Ok([.. cart.State.HandedOver])
                : Result<IReadOnlyList<CartItem>>.Fail(ErrorCode.InvalidState, $"Cart {Id} was already merged into another cart.", "guestCartId");
        }

        cart.State.HandedOverTo = targetCartId;
        cart.State.HandedOver = [.. Lines];
        Lines.Clear();
        await SaveAsync();
        return Result<IReadOnlyList<CartItem>>.Ok([.. cart.State.HandedOver]);
    }

    public async Task<CartView> ClearAsync()
    {
        if (Lines.Count > 0)
        {
            Lines.Clear();
            await SaveAsync();
        }

        return await GetAsync();
    }

    public Task<IReadOnlyList<CartItem>> GetItemsAsync() => Task.FromResult<IReadOnlyList<CartItem>>([.. Lines]);

    public async Task<CartView> GetAsync()
    {
        var ids = Lines.Select(l => l.ProductId).ToArray();
        var products = await ReadProductsAsync(ids);
        var levels = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IProductStockGrain>(id).GetLevelAsync()));
        var currency = cart.State.Currency ?? limits.DefaultCurrency;
        var lines = new List<CartLineView>(Lines.Count);
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            var product = products.GetValueOrDefault(line.ProductId);
            var unitPrice = product?.Price ?? Money.Zero(currency);
            lines.Add(new CartLineView(
                line.ProductId,
                product?.Sku ?? string.Empty,
                product?.Name ?? string.Empty,
                line.Quantity,
                unitPrice,
                unitPrice * line.Quantity,
                Available: product is { Archived: false } && levels[i].Available >= line.Quantity));
        }

        // What checkout would charge: a line that cannot be bought now is shown (as unavailable) but not counted.
        var subtotal = lines.Where(l => l.Available).Aggregate(Money.Zero(currency), (sum, line) => sum + line.LineTotal);
        return new CartView(Id, lines, lines.Sum(l => l.Quantity), subtotal, cart.State.UpdatedAt, cart.State.HandedOverTo);
    }

    private async Task<Result<CartView>> SetQuantityAsync(string productId, int quantity)
    {
        if (cart.State.HandedOverTo is { } target)
        {
            return MergedAway(target);
        }

        if (quantity > limits.MaxQuantityPerLine)
        {
            return Result<CartView>.Fail(ErrorCode.InvalidInput, $"At most {limits.MaxQuantityPerLine} of one product per cart.", "quantity");
        }

        var index = Lines.FindIndex(l => l.ProductId == productId);
        if (index < 0 && Lines.Count >= limits.MaxLines)
        {
            return Result<CartView>.Fail(ErrorCode.InvalidInput, $"A cart holds at most {limits.MaxLines} different products.", "productId");
        }

        var product = string.IsNullOrWhiteSpace(productId) ? null : await GrainFactory.GetGrain<IProductGrain>(productId).GetAsync();
        if (product is null)
        {
            return Result<CartView>.Fail(ErrorCode.NotFound, $"Product {productId} does not exist.", "productId");
        }

        if (product.Archived)
        {
            return Result<CartView>.Fail(ErrorCode.ProductUnavailable, $"{product.Name} is no longer sold.", "productId");
        }

        if (cart.State.Currency is { } currency && Lines.Count > (index < 0 ? 0 : 1) && currency != product.Price.Currency)
        {
            return Result<CartView>.Fail(ErrorCode.InvalidInput, $"This cart is priced in {currency}; {product.Name} is priced in {product.Price.Currency}.", "productId");
        }

        // Nothing is reserved until checkout, so this can still change; it spares the shopper a cart that cannot check out.
        var available = (await GrainFactory.GetGrain<IProductStockGrain>(productId).GetLevelAsync()).Available;
        if (available < quantity)
        {
            return Result<CartView>.Fail(ErrorCode.OutOfStock, available <= 0
                ? $"{product.Name} is out of stock."
                : $"Only {available} of {product.Name} available.", "quantity");
        }

        Put(productId, quantity, index);
        cart.State.Currency = product.Price.Currency;
        await SaveAsync();
        return Result<CartView>.Ok(await GetAsync());
    }

    private void Put(string productId, int quantity, int index)
    {
        if (index < 0)
        {
            Lines.Add(new CartItem(productId, quantity));
        }
        else
        {
            Lines[index] = Lines[index] with { Quantity = quantity };
        }
    }

    private async Task SaveAsync()
    {
        if (Lines.Count == 0)
        {
            cart.State.Currency = null;
        }

        cart.State.UpdatedAt = ServiceProvider.Clock().GetUtcNow();
        await cart.SaveAsync();
    }

    private async Task<Dictionary<string, ProductDetails>> ReadProductsAsync(IEnumerable<string> productIds)
    {
        var products = await Task.WhenAll(productIds.Distinct(StringComparer.Ordinal).Select(id => GrainFactory.GetGrain<IProductGrain>(id).GetAsync()));
        return products.OfType<ProductDetails>().ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    private Result<CartView> MergedAway(string target) =>
        Result<CartView>.Fail(ErrorCode.InvalidState, $"Cart {Id} was merged into cart {target}; use that one.", "cartId");
}
