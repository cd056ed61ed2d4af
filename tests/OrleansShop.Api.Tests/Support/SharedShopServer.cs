using OrleansShop.Api.Tests.Support;

[assembly: AssemblyFixture(typeof(SharedShopServer))]

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// One server for every test class that asks for it, started once for the assembly: each test makes its own customers,
/// products, carts and orders (and searches by a word of its own), so they share it without seeing each other. Classes
/// that load a server hard or time what it does keep a <see cref="ShopServerFixture"/> of their own.
/// </summary>
public sealed class SharedShopServer : OwnedShopServer;
