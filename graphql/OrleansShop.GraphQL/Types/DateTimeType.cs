using System.Globalization;
using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Types;

/// <summary>
/// The custom scalar <c>DateTime</c>: an RFC 3339 date-time string that always carries an offset
/// (<c>2026-11-22T10:15:30.000+01:00</c>), so no value is ever read in the server's local time zone.
/// </summary>
internal sealed class DateTimeType : ScalarType
{
    public static readonly DateTimeType Instance = new();

    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    private DateTimeType()
        : base("DateTime", "The `DateTime` scalar represents an exact point in time as an ISO-8601 (RFC 3339) date-time string with an offset.", "https://scalars.graphql.org/andimarek/date-time")
    {
    }

    public override object Serialize(object value) => value switch
    {
        DateTimeOffset dto => dto.ToString(Format, CultureInfo.InvariantCulture),
        DateTime { Kind: DateTimeKind.Utc } dt => new DateTimeOffset(dt).ToString(Format, CultureInfo.InvariantCulture),
        DateTime dt => throw new ValueCoercionException($"DateTime cannot represent a DateTime of kind \"{dt.Kind}\" because its offset is unknown: {dt:O}"),
        string s => ((DateTimeOffset)ParseValue(s)).ToString(Format, CultureInfo.InvariantCulture),
        _ => throw new ValueCoercionException($"DateTime cannot represent value: {ValueInspector.Inspect(value)}"),
    };

    public override object ParseValue(object value)
    {
        if (value is string s && HasOffset(s)
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var result))
        {
            return result;
        }

        throw new ValueCoercionException($"DateTime cannot represent value: {ValueInspector.Inspect(value)}; expected an ISO-8601 date-time with an offset such as \"2026-11-22T10:15:30Z\".");
    }

    public override object ParseLiteral(ScalarLiteral literal) =>
        literal.Kind == ScalarLiteralKind.String
            ? ParseValue(literal.Text)
            : throw new ValueCoercionException($"DateTime cannot represent a non string value: {literal}");

    // RFC 3339 requires "Z" or "+hh:mm"/"-hh:mm" after the time; a date alone or a local time is ambiguous.
    private static bool HasOffset(string s)
    {
        var t = s.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (t < 0 || s.Length < 11)
        {
            return false;
        }

        if (s[^1] is 'Z' or 'z')
        {
            return true;
        }

        return s.Length >= t + 6 && s[^3] == ':' && s[^6] is '+' or '-';
    }
}
