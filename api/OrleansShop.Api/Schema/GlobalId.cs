using System.Text;

namespace OrleansShop.Api.Schema;

/// <summary>Relay global object ids: base64 of "Type:key", so <c>node(id)</c> knows which grain to ask.</summary>
public static class GlobalId
{
    public static string Encode(string typeName, string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(typeName + ":" + key));

    public static bool TryDecode(string? id, out string typeName, out string key)
    {
        typeName = key = string.Empty;
        if (string.IsNullOrEmpty(id) || id.Length > 2048)
        {
            return false;
        }

        var bytes = new byte[id.Length];
        if (!Convert.TryFromBase64String(id, bytes, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        typeName = text[..colon];
        key = text[(colon + 1)..];
        return true;
    }

    /// <summary>The key of an id of <paramref name="typeName"/>, or null when the id is malformed or names another type.</summary>
    public static string? KeyOf(string? id, string typeName) =>
        TryDecode(id, out var type, out var key) && type == typeName ? key : null;
}
