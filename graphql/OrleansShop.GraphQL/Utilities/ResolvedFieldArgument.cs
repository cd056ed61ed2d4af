using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Utilities;

/// <summary>An argument of a field, from a coordinate such as <c>Query.searchBusiness(criteria:)</c>.</summary>
public sealed record ResolvedFieldArgument(ComplexType Type, FieldDefinition Field, InputValueDefinition FieldArgument) : ResolvedSchemaElement;
