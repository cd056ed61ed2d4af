namespace OrleansShop.Api.Payments;

/// <summary>A card the sandbox accepted for tokenization: only what may be kept (brand, last four) and its test outcome.</summary>
internal sealed record SandboxCard(string Brand, string Last4, SandboxCardOutcome Outcome);
