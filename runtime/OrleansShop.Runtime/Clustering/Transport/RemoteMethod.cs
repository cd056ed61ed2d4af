using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrleansShop.Runtime.Invocation;
using OrleansShop.Runtime.Messaging;

namespace OrleansShop.Runtime.Clustering.Transport;

/// <summary>
/// A grain method as it crosses silos: a stable key (interface, method, parameter types), the argument types to
/// read, and how to rebuild the generated request and run it. Resolved once per method and cached.
/// </summary>
internal abstract class RemoteMethod(string key, Type[] parameterTypes, Func<object?[], GrainRequest> factory)
{
    private static readonly ConcurrentDictionary<Type, RemoteMethod> s_byRequestType = new();
    private static readonly ConcurrentDictionary<string, RemoteMethod> s_byKey = new(StringComparer.Ordinal);

    public string Key { get; } = key;

    public Type[] ParameterTypes { get; } = parameterTypes;

    public Func<object?[], GrainRequest> Factory { get; } = factory;

    /// <summary>The method of a request about to be sent.</summary>
    public static RemoteMethod For(GrainRequest request) =>
        s_byRequestType.GetOrAdd(request.GetType(), static (_, r) => Create(r.InterfaceType, r.InterfaceMethod), request);

    /// <summary>The method a received request names.</summary>
    public static RemoteMethod For(string key) => s_byKey.GetOrAdd(key, static k => Resolve(k));

    /// <summary>Delivers the rebuilt request to the local activation and serializes its result.</summary>
    public abstract Task<byte[]> InvokeLocallyAsync(GrainCallRouter router, GrainId grainId, GrainRequest request, RemoteCaller? caller, JsonSerializerOptions options);

    private static RemoteMethod Create(Type interfaceType, MethodInfo method)
    {
        var parameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();
        var key = $"{interfaceType.FullName}, {interfaceType.Assembly.GetName().Name}|{method.Name}|{string.Join(';', parameterTypes.Select(t => t.FullName))}";
        if (!GrainRequestRegistry.TryGetFactory(interfaceType, method.Name, parameterTypes, out var factory))
        {
            throw new InvalidOperationException($"No request factory is registered for {interfaceType.FullName}.{method.Name}.");
        }

        var resultType = ResultTypeOf(method.ReturnType);
        return (RemoteMethod)Activator.CreateInstance(typeof(RemoteMethod<>).MakeGenericType(resultType), key, parameterTypes, factory)!;
    }

    private static RemoteMethod Resolve(string key)
    {
        var parts = key.Split('|');
        if (parts.Length != 3)
        {
            throw new InvalidDataException($"'{key}' is not a grain method key.");
        }

        var interfaceType = Type.GetType(parts[0], throwOnError: false)
            ?? throw new InvalidOperationException($"Grain interface '{parts[0]}' is not loaded on this silo.");
        var parameterNames = parts[2].Length == 0 ? [] : parts[2].Split(';');
        var method = interfaceType.GetMethods().Concat(interfaceType.GetInterfaces().SelectMany(i => i.GetMethods()))
            .FirstOrDefault(m => m.Name == parts[1] && m.GetParameters().Select(p => p.ParameterType.FullName).SequenceEqual(parameterNames))
            ?? throw new InvalidOperationException($"Grain interface {interfaceType.FullName} has no method {parts[1]}({parts[2]}).");
        return Create(interfaceType, method);
    }

    private static Type ResultTypeOf(Type returnType)
    {
        if (returnType == typeof(Task) || returnType == typeof(ValueTask) || returnType == typeof(void))
        {
            return typeof(Unit);
        }

        if (returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return returnType.GetGenericArguments()[0];
        }

        throw new InvalidOperationException($"Grain methods return Task or ValueTask; found {returnType}.");
    }
}

internal sealed class RemoteMethod<TResult>(string key, Type[] parameterTypes, Func<object?[], GrainRequest> factory)
    : RemoteMethod(key, parameterTypes, factory)
{
    public override async Task<byte[]> InvokeLocallyAsync(GrainCallRouter router, GrainId grainId, GrainRequest request, RemoteCaller? caller, JsonSerializerOptions options)
    {
        var result = await router.SendLocalAsync(grainId, (GrainRequest<TResult>)request, caller).ConfigureAwait(false);
        return JsonSerializer.SerializeToUtf8Bytes(result, (JsonTypeInfo<TResult>)options.GetTypeInfo(typeof(TResult)));
    }
}
