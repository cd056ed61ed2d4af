namespace OrleansShop.Grains;

/// <summary>Account settings (configuration section OrleansShop:Customers).</summary>
public sealed class CustomerOptions
{
    /// <summary>How long a sign-in lasts: every refresh token of one sign-in (a family) expires together.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    public int MaxAddresses { get; set; } = 20;
}
