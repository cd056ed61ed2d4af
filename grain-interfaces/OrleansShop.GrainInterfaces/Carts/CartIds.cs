namespace OrleansShop.GrainInterfaces;

/// <summary>Cart keys: a signed-in customer's cart is keyed by the customer id, so every session finds the same one.</summary>
public static class CartIds
{
    private const string CustomerPrefix = "customer:";

    public static string ForCustomer(string customerId) => CustomerPrefix + customerId;

    public static bool IsCustomerCart(string cartId) => cartId.StartsWith(CustomerPrefix, StringComparison.Ordinal);
}
