using System.Globalization;
using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>An exact amount in an ISO-4217 currency. Arithmetic across currencies is a bug, so it throws.</summary>
[GenerateSerializer, Immutable, Alias("shop.Money")]
public readonly record struct Money([property: Id(0)] decimal Amount, [property: Id(1)] string Currency)
{
    public static Money Zero(string currency) => new(0m, currency);

    public static Money operator +(Money left, Money right)
    {
        left.RequireSameCurrency(right);
        return new(left.Amount + right.Amount, left.Currency);
    }

    public static Money operator *(Money money, int quantity) => new(money.Amount * quantity, money.Currency);

    public Money Add(Money other) => this + other;

    public Money Multiply(int quantity) => this * quantity;

    /// <summary>Whether the code is three upper-case ASCII letters, the shape of an ISO-4217 code.</summary>
    public static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");

    private void RequireSameCurrency(Money other)
    {
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Cannot combine {Currency} with {other.Currency}.");
        }
    }
}
