using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>HotChocolate's schema conventions applied when a schema is built: cursor connections for paged fields.</summary>
internal static class Conventions
{
    public static void ApplyPaging(FieldDescriptor field, PagingOptions paging, SchemaAssembler assembler)
    {
        var nodeType = assembler.Resolve(paging.NodeType, output: true, $"the paged field \"{field.NameValue}\"");
        if (nodeType is null)
        {
            return;
        }

        var nodeName = nodeType.GetNamedType().Name;
        assembler.EnsureType("PageInfo", () =>
        {
            var pageInfo = new ObjectTypeDescriptor<PageInfo>();
            pageInfo.Description("Information about pagination in a connection.");
            pageInfo.Field(p => p.HasNextPage).Description("Indicates whether more edges exist following the set defined by the clients arguments.");
            pageInfo.Field(p => p.HasPreviousPage).Description("Indicates whether more edges exist prior the set defined by the clients arguments.");
            pageInfo.Field(p => p.StartCursor).Description("When paginating backwards, the cursor to continue.");
            pageInfo.Field(p => p.EndCursor).Description("When paginating forwards, the cursor to continue.");
            pageInfo.AddImplicitFields();
            return pageInfo;
        });
        var edgeName = nodeName + "Edge";
        assembler.EnsureType(edgeName, () =>
        {
            var edge = new ObjectTypeDescriptor(edgeName);
            edge.Description("An edge in a connection.");
            edge.Field("cursor").Type("String!").Description("A cursor for use in pagination.");
            edge.Field("cursor").ParentGetterValue = e => ((Edge)e!).Cursor;
            edge.Field("node").Type(nodeType).Description("The item at the end of the edge.");
            edge.Field("node").ParentGetterValue = e => ((Edge)e!).Node;
            return edge;
        });
        var connectionName = nodeName + "Connection";
        assembler.EnsureType(connectionName, () =>
        {
            var connection = new ObjectTypeDescriptor(connectionName);
            connection.Description("A connection to a list of items.");
            connection.Field("pageInfo").Type("PageInfo!").Description("Information to aid in pagination.");
            connection.Field("pageInfo").ParentGetterValue = c => ((Connection)c!).PageInfo;
            connection.Field("edges").Type("[" + edgeName + "!]").Description("A list of edges.");
            connection.Field("edges").ParentGetterValue = c => ((Connection)c!).Edges;
            connection.Field("nodes").Type(new ListType(nodeType)).Description("A flattened list of the nodes.");
            connection.Field("nodes").ParentGetterValue = c => Nodes((Connection)c!);
            if (paging.IncludeTotalCount)
            {
                connection.Field("totalCount").Type("Int!").Description("Identifies the total count of items in the connection.");
                connection.Field("totalCount").ParentGetterValue = c => ((Connection)c!).TotalCount ?? ((Connection)c!).Edges.Count;
            }

            return connection;
        });

        field.TypeValue = TypeReference.FromSyntax(connectionName);
        var arguments = new List<InputValueDescriptor>
        {
            new InputValueDescriptor("first").Type("Int").Description("Returns the first _n_ elements from the list."),
            new InputValueDescriptor("after").Type("String").Description("Returns the elements in the list that come after the specified cursor."),
            new InputValueDescriptor("last").Type("Int").Description("Returns the last _n_ elements from the list."),
            new InputValueDescriptor("before").Type("String").Description("Returns the elements in the list that come before the specified cursor."),
        };
        field.ArgumentsValue.InsertRange(0, arguments);
        var source = field.ResolverValue;
        var getter = field.ParentGetterValue;
        var name = field.NameValue;
        field.ResolverValue = async context =>
        {
            var items = source is not null ? await source(context).ConfigureAwait(false)
                : getter is not null ? getter(context.Parent<object?>())
                : DefaultFieldResolver.Resolve(context.Parent<object?>(), name);
            return ConnectionSlicer.Slice(items, context, paging);
        };
        field.ParentGetterValue = null;
    }

    private static object?[] Nodes(Connection connection)
    {
        var nodes = new object?[connection.Edges.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = connection.Edges[i].Node;
        }

        return nodes;
    }
}
