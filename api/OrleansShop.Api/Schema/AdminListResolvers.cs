using HotChocolate.Execution.Configuration;
using OrleansShop.GrainInterfaces;
using OrleansShop.ReadModels.Customers;
using OrleansShop.ReadModels.Lists;
using OrleansShop.ReadModels.Orders;

namespace OrleansShop.Api.Schema;

/// <summary>
/// The admins' order and customer lists. Filtering, ordering and counting run in SQL on the read models (which may lag
/// by under a second); each page's orders and customers are then read from their grains, which never lag.
/// </summary>
internal static class AdminListResolvers
{
    public static void Register(IRequestExecutorBuilder graphql)
    {
        graphql.FieldAsync("Query", "orders", OrdersAsync);
        graphql.FieldAsync("Query", "customers", CustomersAsync);
    }

    private static async Task<object?> OrdersAsync(IResolverContext context)
    {
        var where = Input.OfOptional(context, "where");
        var filter = new OrderListFilter(
            where?.Enums<OrderStatus>("status"),
            where?.String("customerEmail"),
            Instant(where, "placedAfter"),
            Instant(where, "placedBefore"));
        var store = context.Services.GetService<OrderListStore>() ?? throw Unavailable();
        var page = await store.PageAsync(filter, PageRequest(context), context.RequestAborted);
        var orders = await Task.WhenAll(page.Items.Select(i => context.Grains().GetGrain<IOrderGrain>(i.Item.OrderId).GetAsync()));
        return Connection(page, orders);
    }

    private static async Task<object?> CustomersAsync(IResolverContext context)
    {
        var store = context.Services.GetService<CustomerListStore>() ?? throw Unavailable();
        var page = await store.PageAsync(context.ArgumentValue<string?>("search"), PageRequest(context), context.RequestAborted);
        var customers = await Task.WhenAll(page.Items.Select(i => context.Grains().GetGrain<ICustomerGrain>(i.Item.CustomerId).GetAsync()));
        return Connection(page, customers);
    }

    internal static ListPageRequest PageRequest(IResolverContext context)
    {
        var (first, last) = PageSize.Of(context);
        return new ListPageRequest(
            first,
            Cursor(context.ArgumentValue<string?>("after")),
            last,
            Cursor(context.OptionalArgument<string?>("before")));
    }

    private static ListCursor? Cursor(string? text) =>
        text is null ? null
        : ListCursor.TryParse(text, out var cursor) ? cursor
        : throw ShopErrors.Exception($"The cursor \"{text}\" is not valid.", ShopErrors.InvalidCursor);

    private static DateTimeOffset? Instant(Input? where, string name) => where?.Has(name) == true ? where.Instant(name) : null;

    /// <summary>The connection object; an item whose grain no longer has it (never expected) is left out rather than shown as null.</summary>
    private static Connection<TNode> Connection<TItem, TNode>(ListPage<TItem> page, TNode?[] nodes)
        where TNode : class
    {
        var edges = new List<Edge<TNode>>(nodes.Length);
        var found = new List<TNode>(nodes.Length);
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i] is { } node)
            {
                edges.Add(new Edge<TNode>(page.Items[i].Cursor.ToString(), node));
                found.Add(node);
            }
        }

        var pageInfo = new PageInfo(page.HasNextPage, page.HasPreviousPage, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
        return new Connection<TNode>(edges, found, pageInfo, page.TotalCount);
    }

    internal static GraphQLException Unavailable() =>
        ShopErrors.Exception("Admin lists need the SQLite or PostgreSQL storage provider (read models).", "NOT_SUPPORTED");
}
