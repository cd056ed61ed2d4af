using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansShop.Grains;

/// <summary>Source-generated JSON metadata for every persisted state of the commerce grains.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CartState))]
[JsonSerializable(typeof(CategoryTreeState))]
[JsonSerializable(typeof(CustomerOrdersState))]
[JsonSerializable(typeof(CustomerState))]
[JsonSerializable(typeof(OrderNumberState))]
[JsonSerializable(typeof(OrderState))]
[JsonSerializable(typeof(ProductReviewsState))]
[JsonSerializable(typeof(ProductState))]
[JsonSerializable(typeof(ProductStockState))]
[JsonSerializable(typeof(UniqueIndexState))]
internal sealed partial class CommerceStateJsonContext : JsonSerializerContext;
