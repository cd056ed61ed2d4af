using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Execution;

/// <summary>The collected fields (spec 6.3.2 CollectFields) of a selection set for one object type, in response order.</summary>
internal sealed class SelectionPlan(ObjectType type, FieldPlan[] fields)
{
    public ObjectType Type { get; } = type;

    public FieldPlan[] Fields { get; } = fields;
}
