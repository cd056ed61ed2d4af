namespace OrleansShop.Silo.Hosting.Payments;

/// <summary>The sandbox's charge statuses as its JSON spells them.</summary>
public static class SandboxChargeStatus
{
    public const string Authorized = "authorized";
    public const string Captured = "captured";
    public const string Declined = "declined";
    public const string Pending = "pending";
    public const string Cancelled = "cancelled";
    public const string Refunded = "refunded";
}
