using System.Text;

namespace OrleansShop.Api.Schema;

/// <summary>The contract's enum spelling of domain enums (statuses, methods, error codes): PaymentPending is PAYMENT_PENDING, and back.</summary>
internal static class ContractEnum
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }

    /// <summary>The domain value of a contract enum name (the engine has already checked that the name is in the contract).</summary>
    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(name.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);
}
