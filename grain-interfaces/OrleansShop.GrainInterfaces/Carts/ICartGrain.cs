using OrleansShop.Runtime;
using OrleansShop.Runtime.Concurrency;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// A shopping cart (key: cart id; <see cref="CartIds"/> names a customer's cart, any other id is a guest cart).
/// Only active, existing products go in; quantity 0 removes a line.
/// </summary>
public interface ICartGrain : IGrainWithStringKey
{
    /// <summary>Adds to the line of that product (or starts it).</summary>
    Task<Result<CartView>> AddItemAsync(string productId, int quantity);

    /// <summary>Sets the line's quantity; 0 removes it.</summary>
    Task<Result<CartView>> UpdateItemAsync(string productId, int quantity);

    Task<Result<CartView>> RemoveItemAsync(string productId);

    /// <summary>
    /// Moves a guest cart's lines into this cart, adding quantities. Merging the same guest cart again (also
    /// concurrently, also after a crash half-way) adds nothing twice and loses nothing.
    /// </summary>
    Task<Result<CartView>> MergeFromAsync(string guestCartId);

    /// <summary>
    /// Hands this cart's lines over to <paramref name="targetCartId"/> and closes this cart. Asking again for the same
    /// target returns the same lines (so the target can retry); another target gets INVALID_STATE.
    /// </summary>
    Task<Result<IReadOnlyList<CartItem>>> HandOverAsync(string targetCartId);

    Task<CartView> ClearAsync();

    /// <summary>The lines as stored, unpriced: what a checkout takes, without reading the catalog twice.</summary>
    [ReadOnly]
    Task<IReadOnlyList<CartItem>> GetItemsAsync();

    /// <summary>The cart priced at current catalog prices, with each line's availability.</summary>
    [ReadOnly]
    Task<CartView> GetAsync();
}
