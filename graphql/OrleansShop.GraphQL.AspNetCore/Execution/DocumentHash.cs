using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>
/// The SHA-256 of a document's UTF-8 text: the document cache's key and, as lower-case hex, the hash of Apollo's
/// automatic persisted queries, so one hash serves both.
/// </summary>
internal readonly record struct DocumentHash(ulong A, ulong B, ulong C, ulong D)
{
    public static DocumentHash Compute(ReadOnlySpan<byte> utf8Document)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8Document, digest);
        return new DocumentHash(
            BinaryPrimitives.ReadUInt64BigEndian(digest),
            BinaryPrimitives.ReadUInt64BigEndian(digest[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(digest[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(digest[24..]));
    }

    /// <summary>Reads 64 hex digits (either case).</summary>
    public static bool TryParse(string? hex, out DocumentHash hash)
    {
        hash = default;
        if (hex is null || hex.Length != 64)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        if (Convert.FromHexString(hex, digest, out _, out var written) != System.Buffers.OperationStatus.Done || written != digest.Length)
        {
            return false;
        }

        hash = new DocumentHash(
            BinaryPrimitives.ReadUInt64BigEndian(digest),
            BinaryPrimitives.ReadUInt64BigEndian(digest[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(digest[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(digest[24..]));
        return true;
    }

    /// <summary>64 lower-case hex digits, as Apollo clients send them.</summary>
    public override string ToString()
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        BinaryPrimitives.WriteUInt64BigEndian(digest, A);
        BinaryPrimitives.WriteUInt64BigEndian(digest[8..], B);
        BinaryPrimitives.WriteUInt64BigEndian(digest[16..], C);
        BinaryPrimitives.WriteUInt64BigEndian(digest[24..], D);
        return Convert.ToHexStringLower(digest);
    }
}
