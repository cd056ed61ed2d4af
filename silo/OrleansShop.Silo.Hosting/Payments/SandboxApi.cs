namespace OrleansShop.Silo.Hosting.Payments;

/// <summary>The names both sides of the payment sandbox's HTTP API agree on: the shop's gateway and the sandbox's endpoints.</summary>
public static class SandboxApi
{
    public const string Prefix = "/sandbox/payments";
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The named HttpClient of calls to the sandbox and of the sandbox's notifications to the shop.</summary>
    public const string HttpClientName = "payments-sandbox";
}
