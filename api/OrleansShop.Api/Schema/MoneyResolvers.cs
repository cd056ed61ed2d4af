using System.Collections.Frozen;
using HotChocolate.Execution.Configuration;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>
/// <c>Money.amount</c> written with its currency's minor digits ("0.00", "5.00", "1200" for yen), whatever scale the
/// decimal happened to have after arithmetic. Trailing zeros beyond those digits are dropped; other digits are kept,
/// since the amount shown must be the amount charged.
/// </summary>
internal static class MoneyResolvers
{
    /// <summary>ISO 4217 currencies whose minor unit is not two digits; every other currency has two.</summary>
    private static readonly FrozenDictionary<string, int> MinorDigitsByCurrency = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["CLF"] = 4, ["UYW"] = 4,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static void Register(IRequestExecutorBuilder graphql) =>
        graphql.Field("Money", "amount", c => WithMinorDigits(c.Parent<Money>()));

    public static int MinorDigits(string currency) => MinorDigitsByCurrency.GetValueOrDefault(currency, 2);

    public static decimal WithMinorDigits(Money money)
    {
        var digits = MinorDigits(money.Currency);
        var rounded = decimal.Round(money.Amount, digits);
        var amount = rounded == money.Amount ? rounded : money.Amount;

        // Adding a zero of scale n gives a sum of scale at least n: 5 + 0.00 is 5.00.
        return amount.Scale >= digits ? amount : amount + new decimal(0, 0, 0, false, (byte)digits);
    }
}
