using OrleansShop.GrainInterfaces;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;
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
    public static void Register(SchemaBuilder schema)
    {
        schema.AddResolver("Query", "orders", (FieldResolver)(c => new(OrdersAsync(c))));
        schema.AddResolver("Query", "customers", (FieldResolver)(c => new(CustomersAsync(c))));
    }

    private static async Task<object?> OrdersAsync(IResolverContext context)
    {
        RequireAdmin(context);
        var where = context.Argument<IReadOnlyDictionary<string, object?>>("where") is { } map ? new Input(map) : null;
        var filter = new OrderListFilter(
            where?.Strings("status")?.Select(ContractEnum.Parse<OrderStatus>).ToList(),
            where?.String("customerEmail"),
            Instant(where, "placedAfter"),
            Instant(where, "placedBefore"));
        var store = context.Services.GetService(typeof(OrderListStore)) as OrderListStore ?? throw Unavailable();
        var page = await store.PageAsync(filter, PageRequest(context), context.RequestAborted);
        var orders = await Task.WhenAll(page.Items.Select(i => context.Grains().GetGrain<IOrderGrain>(i.Item.OrderId).GetAsync()));
        return Connection(page, orders);
    }

    private static async Task<object?> CustomersAsync(IResolverContext context)
    {
        RequireAdmin(context);
        var store = context.Services.GetService(typeof(CustomerListStore)) as CustomerListStore ?? throw Unavailable();
        var page = await store.PageAsync(context.Argument<string?>("search"), PageRequest(context), context.RequestAborted);
        var customers = await Task.WhenAll(page.Items.Select(i => context.Grains().GetGrain<ICustomerGrain>(i.Item.CustomerId).GetAsync()));
        return Connection(page, customers);
    }

    private static void RequireAdmin(IResolverContext context)
    {
        if (!context.IsAdmin())
        {
            throw context.CustomerId() is null
                ? new GraphQLException("Sign in as an administrator.", "UNAUTHENTICATED")
                : new GraphQLException("Only an administrator may list orders and customers.", "FORBIDDEN");
        }
    }

    private static ListPageRequest PageRequest(IResolverContext context)
    {
        var (first, last) = PageSize.Of(context);
        return new ListPageRequest(
            first,
            Cursor(context.Argument<string?>("after")),
            last,
            context.HasArgument("before") ? Cursor(context.Argument<string?>("before")) : null);
    }

    private static ListCursor? Cursor(string? text) =>
        text is null ? null
        : ListCursor.TryParse(text, out var cursor) ? cursor
        : throw new GraphQLException($"The cursor \"{text}\" is not valid.", "INVALID_CURSOR");

    private static DateTimeOffset? Instant(Input? where, string name) => where?.Has(name) == true ? where.Instant(name) : null;

    /// <summary>The connection object; an item whose grain no longer has it (never expected) is left out rather than shown as null.</summary>
    private static Dictionary<string, object?> Connection<TItem, TNode>(ListPage<TItem> page, TNode?[] nodes)
        where TNode : class
    {
        var edges = new List<Edge>(nodes.Length);
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i] is { } node)
            {
                edges.Add(new Edge(page.Items[i].Cursor.ToString(), node));
            }
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["edges"] = edges,
            ["nodes"] = edges.Select(e => e.Node).ToList(),
            ["pageInfo"] = new PageInfo(page.HasNextPage, page.HasPreviousPage, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            ["totalCount"] = page.TotalCount,
        };
    }

    private static GraphQLException Unavailable() =>
        new("Admin lists need the SQLite or PostgreSQL storage provider (read models).", "NOT_SUPPORTED");
}
