namespace OrleansShop.Api.Limits;

/// <summary>Login and register attempts (failed ones included), per email address and per IP address.</summary>
public sealed class SignInBudgets
{
    /// <summary>5 at once, then one every 12 seconds: enough for a typo or two, far too few to guess a password.</summary>
    public Budget PerEmail { get; set; } = Budget.Of(5, 1.0 / 12);

    /// <summary>A household or office behind one address signs in more often than one account does.</summary>
    public Budget PerIp { get; set; } = Budget.Of(20, 0.5);
}
