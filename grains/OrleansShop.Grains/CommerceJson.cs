using System.Text.Json.Serialization.Metadata;

namespace OrleansShop.Grains;

/// <summary>
/// What a storage provider needs to store the commerce grains' state without reflection:
/// <c>o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, CommerceJson.StateResolver)</c>.
/// </summary>
public static class CommerceJson
{
    public static IJsonTypeInfoResolver StateResolver => CommerceStateJsonContext.Default;
}
