using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansShop.Api.Payments;

/// <summary>
/// The sandbox's notification signature, in the style of real providers: header <c>t=unix-seconds,v1=hex(HMAC-SHA256(secret,
/// "t.body"))</c>. The timestamp is signed too, so an old notification cannot be replayed with a fresh time.
/// </summary>
internal static class WebhookSignature
{
    public const string Header = "Sandbox-Signature";

    public static string Sign(byte[] secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Convert.ToHexStringLower(Mac(secret, timestamp, body))}";
    }

    /// <summary>Whether the header is a valid, recent signature of the body; compared in constant time.</summary>
    public static bool Verify(byte[] secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header) || header.Length > 512)
        {
            return false;
        }

        string? timestamp = null;
        string? signature = null;
        foreach (var part in header.Split(','))
        {
            var pair = part.Trim();
            if (pair.StartsWith("t=", StringComparison.Ordinal))
            {
                timestamp = pair[2..];
            }
            else if (pair.StartsWith("v1=", StringComparison.Ordinal))
            {
                signature = pair[3..];
            }
        }

        if (timestamp is null || signature is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(secret, timestamp, body));
    }

    private static byte[] Mac(byte[] secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(secret, signed);
    }
}
