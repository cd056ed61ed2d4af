using HotChocolate.Configuration;
using HotChocolate.Internal;
using HotChocolate.Language;
using HotChocolate.Types.Descriptors.Configurations;

namespace OrleansShop.Api.Schema;

/// <summary>
/// How long the contract's lists are, for HotChocolate's cost analysis (the IBM cost specification's <c>@listSize</c>).
/// Without it an SDL list counts as one item, so a page of 100 products would cost what one does. Connections are sized
/// by <c>first</c>/<c>last</c> (the page size when neither is given); other lists by what the shop holds in practice.
/// </summary>
internal sealed class ListSizes : TypeInterceptor
{
    private static readonly string[] Connections =
    [
        "Query.products", "Query.orders", "Query.customers", "Category.products", "Product.reviews", "Customer.orders",
        "Query.orderMails",
    ];

    private static readonly Dictionary<string, int> AssumedSizes = new(StringComparer.Ordinal)
    {
        ["Query.nodes"] = 10,
        ["Query.categories"] = 20,
        ["Category.children"] = 10,
        ["Product.categories"] = 3,
        ["Product.attributes"] = 5,
        ["ProductConnection.facets"] = 3,
        ["Facet.values"] = 10,
        ["Customer.addresses"] = 5,
        ["Cart.lines"] = 10,
        ["Order.lines"] = 10,
        ["Order.history"] = 6,
        ["Order.payments"] = 3,
    };

    public override void OnAfterInitialize(ITypeDiscoveryContext discoveryContext, TypeSystemConfiguration configuration)
    {
        if (configuration is not ObjectTypeConfiguration type)
        {
            return;
        }

        foreach (var field in type.Fields)
        {
            var coordinate = type.Name + "." + field.Name;
            if (Connections.Contains(coordinate, StringComparer.Ordinal))
            {
                field.AddDirective("listSize",
                [
                    new ArgumentNode("assumedSize", PageSize.Default),
                    new ArgumentNode("slicingArguments", new ListValueNode(new StringValueNode("first"), new StringValueNode("last"))),
                    new ArgumentNode("sizedFields", new ListValueNode(new StringValueNode("edges"), new StringValueNode("nodes"))),
                    new ArgumentNode("requireOneSlicingArgument", false),
                ]);
            }
            else if (AssumedSizes.TryGetValue(coordinate, out var size))
            {
                field.AddDirective("listSize", [new ArgumentNode("assumedSize", size)]);
            }
        }
    }
}
