using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Utilities;

/// <summary>A field of an input object type, from a coordinate such as <c>SearchCriteria.filter</c>.</summary>
public sealed record ResolvedInputField(InputObjectType Type, InputValueDefinition InputField) : ResolvedSchemaElement;
