using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Utilities;

/// <summary>A directive, from a coordinate such as <c>@private</c>.</summary>
public sealed record ResolvedDirective(DirectiveDefinition Directive) : ResolvedSchemaElement;
