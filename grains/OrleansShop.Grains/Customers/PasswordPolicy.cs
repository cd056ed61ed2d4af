using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>What a password must be: long enough to resist guessing, and not the account's own email.</summary>
internal static class PasswordPolicy
{
    public const int MinLength = 10;

    /// <summary>Long passphrases are welcome; the bound only keeps hashing cost predictable.</summary>
    public const int MaxLength = 256;

    public static UserError? Check(string? password, string email, string field)
    {
        if (string.IsNullOrWhiteSpace(password) || password.Length < MinLength)
        {
            return UserError.For(ErrorCode.WeakPassword, $"Use at least {MinLength} characters.", field);
        }

        if (password.Length > MaxLength)
        {
            return UserError.For(ErrorCode.WeakPassword, $"Use at most {MaxLength} characters.", field);
        }

        if (string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return UserError.For(ErrorCode.WeakPassword, "The password must not be your email address.", field);
        }

        return null;
    }
}
