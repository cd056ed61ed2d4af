namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// A server of the test class's own, for a class that loads it hard (hundreds of simultaneous checkouts) or times what
/// it does: the others share <see cref="SharedShopServer"/>. Within the class every test makes its own customers,
/// products and carts, so they do not interfere.
/// </summary>
public sealed class ShopServerFixture : OwnedShopServer;
