using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Utilities;

/// <summary>A named type, from a coordinate such as <c>Business</c>.</summary>
public sealed record ResolvedNamedType(NamedType Type) : ResolvedSchemaElement;
