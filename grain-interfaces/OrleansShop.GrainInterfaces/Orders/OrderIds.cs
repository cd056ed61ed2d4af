using System.Security.Cryptography;
using System.Text;

namespace OrleansShop.GrainInterfaces;

/// <summary>Order ids that follow from what the client sends, so a retried checkout finds the order it placed.</summary>
public static class OrderIds
{
    /// <summary>The order id for a checkout of <paramref name="cartId"/> under <paramref name="idempotencyKey"/>.</summary>
    public static string ForCheckout(string cartId, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(cartId);
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"checkout\n{cartId}\n{idempotencyKey}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
