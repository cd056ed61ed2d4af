using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using OrleansShop.Runtime.Sql.Diagnostics;

namespace OrleansShop.Runtime.Sql.Execution;

/// <summary>
/// JSON for state payloads: the application's source-generated contexts first, reflection only for types none of
/// them knows (when allowed). Type metadata is resolved once per type, so the hot path does no lookups by reflection.
/// </summary>
internal sealed class StateSerializer
{
    private readonly string _provider;
    private readonly bool _allowReflectionFallback;
    private readonly ILogger _logger;
    private readonly IJsonTypeInfoResolver[] _applicationResolvers;
    private readonly JsonSerializerOptions _options;
    private readonly ConcurrentDictionary<Type, JsonTypeInfo> _typeInfos = new();

    public StateSerializer(
        string provider, JsonSerializerOptions configured, IReadOnlyList<JsonConverter> extraConverters, bool allowReflectionFallback, ILogger logger)
    {
        _provider = provider;
        _allowReflectionFallback = allowReflectionFallback;
        _logger = logger;

        // A private copy: the application may keep changing its instance, and ours must be frozen to be used.
        _options = new JsonSerializerOptions(configured);
        _applicationResolvers = [.. _options.TypeInfoResolverChain];
        foreach (var converter in extraConverters)
        {
            if (!_options.Converters.Contains(converter))
            {
                _options.Converters.Add(converter);
            }
        }

        if (allowReflectionFallback)
        {
            _options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
        }

        _options.MakeReadOnly();
    }

    public string Serialize<T>(T state) => JsonSerializer.Serialize(state, TypeInfo<T>());

    public T Deserialize<T>(string payload) => JsonSerializer.Deserialize(payload, TypeInfo<T>())!;

    public T Deserialize<T>(ReadOnlySpan<byte> utf8Payload) => JsonSerializer.Deserialize(utf8Payload, TypeInfo<T>())!;

    private JsonTypeInfo<T> TypeInfo<T>() =>
        (JsonTypeInfo<T>)(_typeInfos.TryGetValue(typeof(T), out var known) ? known : _typeInfos.GetOrAdd(typeof(T), Resolve));

    private JsonTypeInfo Resolve(Type type)
    {
        var resolvedByApplication = false;
        foreach (var resolver in _applicationResolvers)
        {
            if (resolver.GetTypeInfo(type, _options) is not null)
            {
                resolvedByApplication = true;
                break;
            }
        }

        if (!resolvedByApplication)
        {
            if (!_allowReflectionFallback)
            {
                throw new InvalidOperationException(
                    $"Storage provider '{_provider}' cannot serialize {type}: add a JsonSerializerContext that includes it to the provider's " +
                    $"JsonSerializerOptions.TypeInfoResolverChain, or set {nameof(SqlStorageOptions.AllowReflectionFallback)}.");
            }

            StorageLog.ReflectionFallback(_logger, _provider, type);
        }

        return _options.GetTypeInfo(type);
    }
}
