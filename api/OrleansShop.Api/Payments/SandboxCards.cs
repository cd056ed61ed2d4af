namespace OrleansShop.Api.Payments;

/// <summary>
/// The sandbox's card rules, like a real provider's test mode: a number must pass the Luhn check, the expiry must not be
/// past and the CVC must fit the brand; the documented test numbers decide the outcome of a charge.
/// </summary>
internal static class SandboxCards
{
    public const string SucceedsNumber = "4242424242424242";
    public const string DeclinedNumber = "4000000000000002";
    public const string InsufficientFundsNumber = "4000000000009995";

    /// <summary>The accepted card, or the reason it is refused (<paramref name="error"/>).</summary>
    public static SandboxCard? Check(string? number, int? expMonth, int? expYear, string? cvc, DateTimeOffset now, out string? error)
    {
        var digits = number is null ? string.Empty : new string([.. number.Where(c => c is not (' ' or '-'))]);
        if (digits.Length is < 12 or > 19 || !digits.All(char.IsAsciiDigit))
        {
            error = "The card number must be 12 to 19 digits.";
            return null;
        }

        if (!PassesLuhn(digits))
        {
            error = "The card number is not valid (it fails the Luhn check).";
            return null;
        }

        if (expMonth is not (>= 1 and <= 12))
        {
            error = "The expiry month must be 1 to 12.";
            return null;
        }

        var year = expYear is >= 0 and < 100 ? 2000 + expYear.Value : expYear;
        if (year is not (>= 2000 and <= 2100))
        {
            error = "The expiry year is not valid.";
            return null;
        }

        if (year < now.Year || (year == now.Year && expMonth < now.Month))
        {
            error = "The card has expired.";
            return null;
        }

        var brand = BrandOf(digits);
        var cvcLength = brand == "American Express" ? 4 : 3;
        if (cvc is null || cvc.Length != cvcLength || !cvc.All(char.IsAsciiDigit))
        {
            error = $"The CVC must be {cvcLength} digits.";
            return null;
        }

        error = null;
        var outcome = digits switch
        {
            DeclinedNumber => SandboxCardOutcome.Decline,
            InsufficientFundsNumber => SandboxCardOutcome.InsufficientFunds,
            _ => SandboxCardOutcome.Approve,
        };
        return new SandboxCard(brand, digits[^4..], outcome);
    }

    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    private static string BrandOf(string digits) => digits switch
    {
        ['4', ..] => "Visa",
        ['3', '4' or '7', ..] => "American Express",
        ['5', >= '1' and <= '5', ..] => "Mastercard",
        ['2', ..] when int.Parse(digits.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture) is >= 2221 and <= 2720 => "Mastercard",
        ['6', '0', '1', '1', ..] or ['6', '5', ..] => "Discover",
        _ => "Unknown",
    };
}
