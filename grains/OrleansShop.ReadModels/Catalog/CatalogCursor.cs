using System.Globalization;
using System.Text.Json;

namespace OrleansShop.ReadModels.Catalog;

/// <summary>
/// A keyset cursor: the sort it belongs to and the row's sort key values (the product id last), as base64url JSON. A
/// cursor that does not decode, or that was made for another sort, is refused rather than guessed at.
/// </summary>
internal static class CatalogCursor
{
    public const int MaxLength = 2_048;

    public static string Encode(string sortSignature, IReadOnlyList<object> values)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(sortSignature);
            foreach (var value in values)
            {
                switch (value)
                {
                    case string text: writer.WriteStringValue(text); break;
                    case long number: writer.WriteNumberValue(number); break;
                    case double real: writer.WriteNumberValue(real); break;
                    default: throw new InvalidOperationException($"No cursor encoding for {value.GetType().Name}.");
                }
            }

            writer.WriteEndArray();
        }

        return Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The key values, typed like <paramref name="kinds"/> (the column types of the sort's keys).</summary>
    public static object[] Decode(string cursor, string sortSignature, IReadOnlyList<Type> kinds)
    {
        try
        {
            if (cursor.Length is 0 or > MaxLength)
            {
                throw Invalid(cursor);
            }

            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            using var json = JsonDocument.Parse(Convert.FromBase64String(base64));
            var items = json.RootElement;
            if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() != kinds.Count + 1 || items[0].GetString() != sortSignature)
            {
                throw Invalid(cursor);
            }

            var values = new object[kinds.Count];
            for (var i = 0; i < kinds.Count; i++)
            {
                var item = items[i + 1];
                values[i] = kinds[i] == typeof(string) ? item.GetString() ?? throw Invalid(cursor)
                    : kinds[i] == typeof(long) ? (object)item.GetInt64()
                    : item.GetDouble();
            }

            return values;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException)
        {
            throw Invalid(cursor);
        }
    }

    private static CatalogQueryException Invalid(string cursor) => new(
        string.Create(CultureInfo.InvariantCulture, $"The cursor \"{(cursor.Length > 64 ? cursor[..64] + "..." : cursor)}\" is not valid for this query and order."),
        "INVALID_CURSOR");
}
