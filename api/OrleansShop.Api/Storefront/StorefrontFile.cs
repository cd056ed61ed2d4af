namespace OrleansShop.Api.Storefront;

/// <summary>One built file of the web app with its precompressed forms (made by web/scripts/compress.mjs).</summary>
internal sealed record StorefrontFile(string ContentType, byte[] Content, byte[]? Brotli, byte[]? Gzip, string ETag, bool Immutable);
