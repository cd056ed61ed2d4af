using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansShop.GraphQL.LoadServer.Bare;

/// <summary>Source-generated, camelCase: what a well-tuned plain ASP.NET Core endpoint would use.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BareRequest))]
internal sealed partial class BareJsonContext : JsonSerializerContext;
