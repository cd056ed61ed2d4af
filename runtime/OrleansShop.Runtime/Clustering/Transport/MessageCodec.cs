using System.Text.Json;
using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime.Clustering.Transport;

/// <summary>
/// Request and failure bodies. A request is <c>grain type, key, method key, request context JSON, call chain
/// (reentrancy flag, link count, then each link's host, port, generation and token), argument count, then each
/// argument's JSON</c>, strings and JSON length-prefixed; each argument is written with the
/// <see cref="System.Text.Json.Serialization.Metadata.JsonTypeInfo"/> of its declared parameter type from the
/// configured resolvers, so the receiver reads it back as that type.
/// </summary>
internal sealed class MessageCodec(JsonSerializerOptions options)
{
    [ThreadStatic]
    private static FrameBuffer? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// The longest chain a request carries: a longer one keeps its nearest links (a cycle further up then waits for its
    /// timeout, as before chains crossed silos).
    /// </summary>
    public const int MaxChainLinks = 64;

    public JsonSerializerOptions Options { get; } = options;

    public byte[] EncodeRequest(GrainId grainId, GrainRequest request, RemoteMethod method, CallChainLink[] chain)
    {
        var buffer = t_buffer ??= new FrameBuffer();
        buffer.Clear();
        buffer.WriteString(grainId.Type);
        buffer.WriteString(grainId.Key);
        buffer.WriteString(method.Key);
        WriteJson(buffer, WriteRequestContext);

        // The reentrancy flag is an internal request context entry, which the JSON above leaves out.
        buffer.WriteInt32(RequestContext.AllowsCallChainReentrancy ? 1 : 0);
        buffer.WriteInt32(chain.Length);
        foreach (var link in chain)
        {
            buffer.WriteString(link.Silo.Host);
            buffer.WriteInt32(link.Silo.Port);
            buffer.WriteInt64(link.Silo.Generation);
            buffer.WriteInt64(link.Token);
        }

        buffer.WriteInt32(request.ArgumentCount);
        for (var i = 0; i < request.ArgumentCount; i++)
        {
            var typeInfo = Options.GetTypeInfo(method.ParameterTypes[i]);
            var argument = request.GetArgument(i);
            WriteJson(buffer, writer => JsonSerializer.Serialize(writer, argument, typeInfo));
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a request; restores its request context (reentrancy flag included) on the current async flow.</summary>
    public (GrainId GrainId, RemoteMethod Method, GrainRequest Request, CallChainLink[] Chain) DecodeRequest(ReadOnlySpan<byte> body)
    {
        var reader = new FrameReader(body);
        var grainId = new GrainId(reader.ReadString(), reader.ReadString());
        var method = RemoteMethod.For(reader.ReadString());
        ReadRequestContext(reader.ReadBytes());
        if (reader.ReadInt32() != 0)
        {
            // The scope is left open on purpose: it ends with the async flow of this one received call.
            _ = RequestContext.AllowCallChainReentrancy();
        }

        var links = reader.ReadInt32();
        if (links < 0 || links > MaxChainLinks)
        {
            throw new InvalidDataException($"A silo message claims {links} call chain links.");
        }

        var chain = links == 0 ? [] : new CallChainLink[links];
        for (var i = 0; i < links; i++)
        {
            var silo = new SiloAddress(reader.ReadString(), reader.ReadInt32(), reader.ReadInt64());
            chain[i] = new CallChainLink(silo, reader.ReadInt64());
        }

        var count = reader.ReadInt32();
        if (count != method.ParameterTypes.Length)
        {
            throw new InvalidDataException($"{method.Key} takes {method.ParameterTypes.Length} arguments; the message has {count}.");
        }

        var arguments = new object?[count];
        for (var i = 0; i < count; i++)
        {
            arguments[i] = JsonSerializer.Deserialize(reader.ReadBytes(), Options.GetTypeInfo(method.ParameterTypes[i]));
        }

        return (grainId, method, method.Factory(arguments), chain);
    }

    public static byte[] EncodeFailure(Exception exception)
    {
        var buffer = new FrameBuffer();
        buffer.WriteString(exception.GetType().FullName + ", " + exception.GetType().Assembly.GetName().Name);
        buffer.WriteString(exception.Message);
        return buffer.ToArray();
    }

    /// <summary>The remote exception as the same type when this silo can make one from a message, else <see cref="RemoteGrainException"/>.</summary>
    public static Exception DecodeFailure(ReadOnlySpan<byte> body)
    {
        var reader = new FrameReader(body);
        var typeName = reader.ReadString();
        var message = reader.ReadString();
        try
        {
            if (Type.GetType(typeName, throwOnError: false) is { } type && typeof(Exception).IsAssignableFrom(type)
                && type.GetConstructor([typeof(string)]) is { } constructor)
            {
                return (Exception)constructor.Invoke([message]);
            }
        }
        catch (System.Reflection.TargetInvocationException)
        {
            // The type's constructor rejected the message: fall back to the generic form below.
        }

        return new RemoteGrainException(typeName.Split(',')[0], message);
    }

    private static void WriteJson(FrameBuffer buffer, Action<Utf8JsonWriter> write)
    {
        var at = buffer.ReserveInt32();
        var start = buffer.Length;
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(buffer);
        }
        else
        {
            writer.Reset(buffer);
        }

        write(writer);
        writer.Flush();
        buffer.PatchInt32(at, buffer.Length - start);
    }

    // Request context values that are strings, numbers or booleans cross silos; internal entries ('#...') do not.
    private static void WriteRequestContext(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var key in RequestContext.Keys)
        {
            switch (RequestContext.Get(key))
            {
                case string text:
                    writer.WriteString(key, text);
                    break;
                case bool flag:
                    writer.WriteBoolean(key, flag);
                    break;
                case int or long or short or byte:
                    writer.WriteNumber(key, Convert.ToInt64(RequestContext.Get(key), System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case double or float or decimal:
                    writer.WriteNumber(key, Convert.ToDouble(RequestContext.Get(key), System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case Guid guid:
                    writer.WriteString(key, guid.ToString());
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private static void ReadRequestContext(ReadOnlySpan<byte> json)
    {
        RequestContext.Clear();
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            object value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                JsonTokenType.Number when reader.TryGetInt64(out var whole) => whole,
                JsonTokenType.Number => reader.GetDouble(),
                _ => throw new InvalidDataException($"Request context entry '{key}' is not a string, number or boolean."),
            };
            RequestContext.Set(key, value);
        }
    }
}
