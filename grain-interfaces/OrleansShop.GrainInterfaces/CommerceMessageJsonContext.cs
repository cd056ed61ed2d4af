using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// Source-generated JSON metadata for every argument and result of the commerce grain interfaces (and the stream items,
/// which are among them), so grain calls and stream events between silos serialize without reflection. A test lists
/// the interfaces' types and fails when one is missing here.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AddressInput))]
[JsonSerializable(typeof(CartView))]
[JsonSerializable(typeof(CategoryDraft))]
[JsonSerializable(typeof(CategoryNode))]
[JsonSerializable(typeof(CheckoutRequest))]
[JsonSerializable(typeof(CustomerProfile))]
[JsonSerializable(typeof(OrderDetails))]
[JsonSerializable(typeof(OrderSummary))]
[JsonSerializable(typeof(PaymentNotification))]
[JsonSerializable(typeof(PaymentRequest))]
[JsonSerializable(typeof(ProductChanges))]
[JsonSerializable(typeof(ProductDetails))]
[JsonSerializable(typeof(ProductDraft))]
[JsonSerializable(typeof(ProfileChanges))]
[JsonSerializable(typeof(RatingSummary))]
[JsonSerializable(typeof(Registration))]
[JsonSerializable(typeof(ReviewDraft))]
[JsonSerializable(typeof(ReviewPage))]
[JsonSerializable(typeof(StockLevel))]
[JsonSerializable(typeof(StockReservation))]
[JsonSerializable(typeof(Result<CartView>))]
[JsonSerializable(typeof(Result<CategoryNode>))]
[JsonSerializable(typeof(Result<CustomerProfile>))]
[JsonSerializable(typeof(Result<OrderDetails>))]
[JsonSerializable(typeof(Result<PaymentOutcome>))]
[JsonSerializable(typeof(Result<ProductDetails>))]
[JsonSerializable(typeof(Result<Review>))]
[JsonSerializable(typeof(Result<SignIn>))]
[JsonSerializable(typeof(Result<StockLevel>))]
[JsonSerializable(typeof(Result<StockReservation>))]
[JsonSerializable(typeof(Result<IReadOnlyList<CartItem>>))]
[JsonSerializable(typeof(IReadOnlyList<CartItem>))]
[JsonSerializable(typeof(IReadOnlyList<CategoryNode>))]
[JsonSerializable(typeof(IReadOnlyList<OrderSummary>))]
[JsonSerializable(typeof(IReadOnlyList<Role>))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class CommerceMessageJsonContext : JsonSerializerContext;

/// <summary>How hosts reach the generated metadata (the context itself stays internal).</summary>
public static class CommerceMessageJson
{
    public static IJsonTypeInfoResolver Resolver => CommerceMessageJsonContext.Default;
}
