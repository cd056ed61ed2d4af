using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Utilities;

/// <summary>An argument of a directive, from a coordinate such as <c>@private(scope:)</c>.</summary>
public sealed record ResolvedDirectiveArgument(DirectiveDefinition Directive, InputValueDefinition DirectiveArgument) : ResolvedSchemaElement;
