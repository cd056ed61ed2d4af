namespace OrleansShop.GraphQL.Building;

/// <summary>How a paged field builds its connection (see <see cref="FieldDescriptor.UsePaging"/>).</summary>
internal sealed record PagingOptions(TypeReference NodeType, int MaxPageSize, int DefaultPageSize, bool IncludeTotalCount);
