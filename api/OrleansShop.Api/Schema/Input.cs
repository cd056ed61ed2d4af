using System.Collections;
using System.Globalization;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.Api.Schema;

/// <summary>A mutation's coerced <c>input</c> argument (the engine gives SDL input objects as dictionaries).</summary>
internal sealed class Input(IReadOnlyDictionary<string, object?> values)
{
    public static Input Of(IResolverContext context) =>
        new(context.Argument<IReadOnlyDictionary<string, object?>>("input") ?? new Dictionary<string, object?>());

    public bool Has(string name) => values.TryGetValue(name, out var value) && value is not null;

    public string? String(string name) => values.GetValueOrDefault(name) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    public int? Int(string name) => values.GetValueOrDefault(name) is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    public decimal? Decimal(string name) => values.GetValueOrDefault(name) is { } value ? Convert.ToDecimal(value, CultureInfo.InvariantCulture) : null;

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

    public Input? Object(string name) => values.GetValueOrDefault(name) is IReadOnlyDictionary<string, object?> map ? new Input(map) : null;

    public IReadOnlyList<Input>? Objects(string name) =>
        values.GetValueOrDefault(name) is IEnumerable items and not string
            ? items.OfType<IReadOnlyDictionary<string, object?>>().Select(map => new Input(map)).ToList()
            : null;
}
