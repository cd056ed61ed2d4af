using System.Collections;
using System.Globalization;

namespace OrleansShop.Api.Schema;

/// <summary>A coerced input object argument (HotChocolate gives input objects without a runtime type as dictionaries).</summary>
internal sealed class Input(IReadOnlyDictionary<string, object?> values)
{
    public static Input Of(IResolverContext context) =>
        new(context.ArgumentValue<IReadOnlyDictionary<string, object?>?>("input") ?? new Dictionary<string, object?>());

    /// <summary>An optional input object argument such as <c>where</c>, or null.</summary>
    public static Input? OfOptional(IResolverContext context, string argument) =>
        context.ArgumentValue<IReadOnlyDictionary<string, object?>?>(argument) is { } values ? new Input(values) : null;

    public bool Has(string name) => values.TryGetValue(name, out var value) && value is not null;

    public string? String(string name) => values.GetValueOrDefault(name) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    public int? Int(string name) => values.GetValueOrDefault(name) is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    public decimal? Decimal(string name) => values.GetValueOrDefault(name) is { } value ? Convert.ToDecimal(value, CultureInfo.InvariantCulture) : null;

    public double? Double(string name) => values.GetValueOrDefault(name) is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;

    public bool? Bool(string name) => values.GetValueOrDefault(name) is { } value ? Convert.ToBoolean(value, CultureInfo.InvariantCulture) : null;

    public DateTimeOffset? Instant(string name) => values.GetValueOrDefault(name) switch
    {
        DateTimeOffset instant => instant,
        DateTime time => new DateTimeOffset(time.ToUniversalTime()),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
        _ => null,
    };

    public IReadOnlyList<string>? Strings(string name) =>
        values.GetValueOrDefault(name) is IEnumerable items and not string
            ? items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? string.Empty).ToList()
            : null;

    /// <summary>A value of a contract enum bound to a domain enum (PaymentMethod, Role, OrderStatus).</summary>
    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, Enum => values.GetValueOrDefault(name) is TEnum value ? value : null;

    public IReadOnlyList<TEnum>? Enums<TEnum>(string name)
        where TEnum : struct, Enum => values.GetValueOrDefault(name) is IEnumerable items and not string ? items.OfType<TEnum>().ToList() : null;

    public Input? Object(string name) => values.GetValueOrDefault(name) is IReadOnlyDictionary<string, object?> map ? new Input(map) : null;

    public IReadOnlyList<Input>? Objects(string name) =>
        values.GetValueOrDefault(name) is IEnumerable items and not string
            ? items.OfType<IReadOnlyDictionary<string, object?>>().Select(map => new Input(map)).ToList()
            : null;
}
