using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Utilities;

/// <summary>A field of an object or interface type, from a coordinate such as <c>Business.name</c>.</summary>
public sealed record ResolvedField(ComplexType Type, FieldDefinition Field) : ResolvedSchemaElement;
