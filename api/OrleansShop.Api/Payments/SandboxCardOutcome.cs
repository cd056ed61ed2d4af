namespace OrleansShop.Api.Payments;

/// <summary>What the sandbox does when a tokenized card is charged, decided by its test number.</summary>
internal enum SandboxCardOutcome
{
    Approve,
    Decline,
    InsufficientFunds,
}
