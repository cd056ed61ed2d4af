using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation;

/// <summary>A variable used in a value position: the type expected there, whether that position has a default, and the input object it sits in.</summary>
internal readonly record struct VariableUsage(VariableNode Node, GraphQLType? Type, bool HasLocationDefault, GraphQLType? ParentInputType);
