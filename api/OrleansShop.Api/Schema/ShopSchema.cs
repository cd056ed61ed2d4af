using HotChocolate.Execution.Configuration;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>
/// The served schema: the public contract (schema-contract.graphql, embedded) as written, extended by
/// schema-additions.graphql, with resolvers over the grains
/// bound field by field. Serving the contract's own SDL is what keeps every type, field, argument, description and enum
/// value exactly as the contract has them.
/// </summary>
public static class ShopSchema
{
    public const string ContractResourceName = "schema-contract.graphql";

    public const string AdditionsResourceName = "schema-additions.graphql";

    /// <summary>The contract's SDL text.</summary>
    public static string ContractSdl() => Resource(ContractResourceName);

    /// <summary>What the shop serves beyond the contract: type extensions only.</summary>
    public static string AdditionsSdl() => Resource(AdditionsResourceName);

    private static string Resource(string name)
    {
        using var stream = typeof(ShopSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static IRequestExecutorBuilder AddShopSchema(this IRequestExecutorBuilder graphql)
    {
        graphql
            .AddDocumentFromString(ContractSdl())
            .AddDocumentFromString(AdditionsSdl())
            .AddType<DecimalType>()
            // HotChocolate's DateTime (RFC 3339 with an offset), without a description of its own: the contract gives none.
            .AddType(new DateTimeType("DateTime", description: null, BindingBehavior.Implicit, options: null))
            .BindRuntimeTypes()
            .AddShopDataLoaders()
            .TryAddTypeInterceptor(new ListSizes());
        NodeResolvers.Register(graphql);
        MoneyResolvers.Register(graphql);
        AccountResolvers.Register(graphql);
        CatalogResolvers.Register(graphql);
        CartResolvers.Register(graphql);
        ReviewResolvers.Register(graphql);
        SubscriptionResolvers.Register(graphql);
        OrderResolvers.Register(graphql);
        CheckoutResolvers.Register(graphql);
        PaymentResolvers.Register(graphql);
        AdminOrderResolvers.Register(graphql);
        AdminListResolvers.Register(graphql);
        OrderMailResolvers.Register(graphql);
        return graphql;
    }

    /// <summary>
    /// The .NET type behind each contract type: fields without a resolver of their own read the property of that name, and
    /// an interface's value finds its object type by it. The domain's enums spell their values as the contract does
    /// (PaymentPending is PAYMENT_PENDING).
    /// </summary>
    private static IRequestExecutorBuilder BindRuntimeTypes(this IRequestExecutorBuilder graphql) => graphql
        .BindRuntimeType<ErrorCode>("ErrorCode")
        .BindRuntimeType<Role>("Role")
        .BindRuntimeType<OrderStatus>("OrderStatus")
        .BindRuntimeType<PaymentMethod>("PaymentMethod")
        .BindRuntimeType<PaymentStatus>("PaymentStatus")
        .BindRuntimeType<UserError>("UserError")
        .BindRuntimeType<Money>("Money")
        .BindRuntimeType<PageInfo>("PageInfo")
        .BindRuntimeType<CategoryNode>("Category")
        .BindRuntimeType<ProductDetails>("Product")
        .BindRuntimeType<ProductAttribute>("ProductAttribute")
        .BindRuntimeType<StockLevel>("StockLevel")
        .BindRuntimeType<Edge<ProductDetails>>("ProductEdge")
        .BindRuntimeType<ProductConnection>("ProductConnection")
        .BindRuntimeType<Facet>("Facet")
        .BindRuntimeType<FacetValue>("FacetValue")
        .BindRuntimeType<RatingSummary>("RatingSummary")
        .BindRuntimeType<Review>("Review")
        .BindRuntimeType<ReviewReply>("ReviewReply")
        .BindRuntimeType<Edge<Review>>("ReviewEdge")
        .BindRuntimeType<Connection<Review>>("ReviewConnection")
        .BindRuntimeType<CustomerProfile>("Customer")
        .BindRuntimeType<Address>("Address")
        .BindRuntimeType<Edge<CustomerProfile>>("CustomerEdge")
        .BindRuntimeType<Connection<CustomerProfile>>("CustomerConnection")
        .BindRuntimeType<CartView>("Cart")
        .BindRuntimeType<CartLineView>("CartLine")
        .BindRuntimeType<Payment>("Payment")
        .BindRuntimeType<OrderLine>("OrderLine")
        .BindRuntimeType<OrderStatusChange>("OrderStatusChange")
        .BindRuntimeType<OrderDetails>("Order")
        .BindRuntimeType<Edge<OrderDetails>>("OrderEdge")
        .BindRuntimeType<Connection<OrderDetails>>("OrderConnection")
        .BindRuntimeType<AuthPayload>("AuthPayload")
        .BindRuntimeType<CustomerPayload>("CustomerPayload")
        .BindRuntimeType<CartPayload>("CartPayload")
        .BindRuntimeType<CheckoutPayload>("CheckoutPayload")
        .BindRuntimeType<PaymentPayload>("PaymentPayload")
        .BindRuntimeType<OrderPayload>("OrderPayload")
        .BindRuntimeType<ReviewPayload>("ReviewPayload")
        .BindRuntimeType<ProductPayload>("ProductPayload")
        .BindRuntimeType<CategoryPayload>("CategoryPayload")
        .BindRuntimeType<OrleansShop.ReadModels.Notifications.OrderNotificationDelivery>("OrderMailDelivery")
        .BindRuntimeType<OrderMail>("OrderMail")
        .BindRuntimeType<Edge<OrderMail>>("OrderMailEdge")
        .BindRuntimeType<Connection<OrderMail>>("OrderMailConnection")
        .BindRuntimeType<RetryOrderMailPayload>("RetryOrderMailPayload");
}
