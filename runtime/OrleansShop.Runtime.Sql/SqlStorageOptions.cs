using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrleansShop.Runtime.Sql;

/// <summary>
/// Settings shared by every SQL dialect of grain storage and the reminder table.
/// </summary>
/// <remarks>
/// Serialization uses <see cref="JsonSerializerOptions"/>. Extend its <c>TypeInfoResolverChain</c> with the
/// application's source-generated <c>JsonSerializerContext</c> so that state types serialize without reflection:
/// <code>o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, ShopJsonContext.Default);</code>
/// A state type that no resolver in the chain knows falls back to reflection-based serialization
/// (<see cref="DefaultJsonTypeInfoResolver"/>) unless <see cref="AllowReflectionFallback"/> is false, in which
/// case reading or writing it throws. The fallback is resolved once per type and logged once.
/// </remarks>
public abstract class SqlStorageOptions
{
    /// <summary>The largest serialized state accepted, in UTF-8 bytes; larger writes throw <see cref="GrainStateTooLargeException"/>.</summary>
    public const int DefaultMaxPayloadBytes = 1024 * 1024;

    internal const int MaxServiceIdLength = 64;

    /// <summary>Separates deployments sharing one database; part of every row's key.</summary>
    public string ServiceId { get; set; } = "default";

    /// <summary>Options for the JSON payload; add source-generated contexts to its resolver chain.</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>Whether a state type unknown to <see cref="JsonSerializerOptions"/> may use reflection-based serialization.</summary>
    public bool AllowReflectionFallback { get; set; } = true;

    /// <summary>The largest serialized state accepted, in UTF-8 bytes.</summary>
    public int MaxPayloadBytes { get; set; } = DefaultMaxPayloadBytes;

    /// <summary>
    /// Whether clearing state deletes its row. The default keeps the row with no payload and a bumped version, so that
    /// an activation still holding an ETag from before the clear can never match a later re-insert.
    /// </summary>
    public bool DeleteStateOnClear { get; set; }

    /// <summary>Whether the provider applies missing schema scripts before its first operation.</summary>
    public bool MigrateSchemaOnStartup { get; set; } = true;

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first invalid setting.</summary>
    public virtual void Validate()
    {
        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            throw new InvalidOperationException($"{GetType().Name}.{nameof(ServiceId)} must not be empty.");
        }

        if (ServiceId.Length > MaxServiceIdLength)
        {
            throw new InvalidOperationException(
                $"{GetType().Name}.{nameof(ServiceId)} '{ServiceId}' is longer than {MaxServiceIdLength} characters.");
        }

        if (JsonSerializerOptions is null)
        {
            throw new InvalidOperationException($"{GetType().Name}.{nameof(JsonSerializerOptions)} must be set.");
        }

        if (MaxPayloadBytes <= 0)
        {
            throw new InvalidOperationException($"{GetType().Name}.{nameof(MaxPayloadBytes)} must be positive, not {MaxPayloadBytes}.");
        }
    }
}
