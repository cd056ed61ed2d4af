using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// A shopping cart (key: cart id; <see cref="CartIds"/> names a customer's cart, any other id is a guest cart).
/// Only active, existing products go in; quantity 0 removes a line.
/// </summary>
[Alias("shop.ICartGrain")]
public interface ICartGrain : IGrainWithStringKey
{
    /// <summary>Adds to the line of that product (or starts it).</summary>
    [Alias("AddItemAsync")]
    Task<Result<CartView>> AddItemAsync(string productId, int quantity);

    /// <summary>Sets the line's quantity; 0 removes it.</summary>
    [Alias("UpdateItemAsync")]
    Task<Result<CartView>> UpdateItemAsync(string productId, int quantity);

    [Alias("RemoveItemAsync")]
    Task<Result<CartView>> RemoveItemAsync(string productId);

    /// <summary>
    /// Moves a guest cart's lines into this cart, adding quantities. Merging the same guest cart again (also
    /// concurrently, also after a crash half-way) adds nothing twice and loses nothing.
    /// </summary>
    [Alias("MergeFromAsync")]
    Task<Result<CartView>> MergeFromAsync(string guestCartId);

    /// <summary>
    /// Hands this cart's lines over to <paramref name="targetCartId"/> and closes this cart. Asking again for the same
    /// target returns the same lines (so the target can retry); another target gets INVALID_STATE.
    /// </summary>
    [Alias("HandOverAsync")]
    Task<Result<IReadOnlyList<CartItem>>> HandOverAsync(string targetCartId);

    [Alias("ClearAsync")]
    Task<CartView> ClearAsync();

    /// <summary>The lines as stored, unpriced: what a checkout takes, without reading the catalog twice.</summary>
    [ReadOnly]
    [Alias("GetItemsAsync")]
    Task<IReadOnlyList<CartItem>> GetItemsAsync();

    /// <summary>The cart priced at current catalog prices, with each line's availability.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<CartView> GetAsync();
}
