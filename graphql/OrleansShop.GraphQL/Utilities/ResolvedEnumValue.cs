using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Utilities;

/// <summary>A value of an enum type, from a coordinate such as <c>SearchFilter.OPEN_NOW</c>.</summary>
public sealed record ResolvedEnumValue(EnumType Type, EnumValueDefinition EnumValue) : ResolvedSchemaElement;
