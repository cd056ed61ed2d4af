using System.Text.Json.Serialization;

namespace OrleansShop.Runtime.Sql.Tests.Support;

[JsonSerializable(typeof(CartState))]
[JsonSerializable(typeof(CartStateWithCoupon))]
[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
