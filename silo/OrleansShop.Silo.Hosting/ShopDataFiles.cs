using OrleansShop.ReadModels;
using OrleansShop.Silo.Hosting.Payments;

namespace OrleansShop.Silo.Hosting;

/// <summary>The files an embedded shop keeps in its data directory (<c>OrleansShop:DataDirectory</c>), named once for the hosts and for backups.</summary>
public static class ShopDataFiles
{
    /// <summary>The payment sandbox's books (tokens, charges, refunds, notifications).</summary>
    public const string PaymentSandboxDatabase = "payments-sandbox.db";

    /// <summary>The access-token signing key generated in Development when none is configured.</summary>
    public const string AuthSigningKey = "auth-signing-key";

    /// <summary>
    /// The SQLite databases, in the order a backup takes their snapshots: the read models first, since they are
    /// projections of the grain state and may lag it but must never run ahead of it; the grain state next; the payment
    /// sandbox last, since it stands for an outside provider, whose books are ahead of the shop's in normal running too
    /// (a charge is recorded there before the order grain records it).
    /// </summary>
    public static readonly IReadOnlyList<string> Databases = [ReadModelDatabase.SqliteFileName, ShopOptions.SqliteFileName, PaymentSandboxDatabase];

    /// <summary>Secrets generated in Development (none exist when they are configured, as outside Development they must be).</summary>
    public static readonly IReadOnlyList<string> GeneratedSecrets = [AuthSigningKey, SandboxSecret.FileName];
}
