using OrleansShop.GraphQL.Introspection;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// CollectFields (spec 6.3.2): merges the fields of selection sets, fragments and inline fragments that apply to an object type,
/// honouring @skip and @include, and turns them into a cached <see cref="SelectionPlan"/>.
/// </summary>
internal static class FieldCollector
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    public static SelectionPlan Plan(PreparedDocument document, ObjectType type, IReadOnlyList<SelectionSetNode> selectionSets, IReadOnlyDictionary<string, object?> variables)
    {
        var grouped = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var order = new List<string>();
        var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selectionSet in selectionSets)
        {
            Collect(document, type, selectionSet, variables, grouped, order, visitedFragments);
        }

        var schema = document.Schema;
        var fields = new List<FieldPlan>(order.Count);
        foreach (var responseName in order)
        {
            var nodes = grouped[responseName];
            var name = nodes[0].Name.Value;
            FieldDefinition? definition = name switch
            {
                "__typename" => null,
                "__schema" when ReferenceEquals(type, schema.QueryType) => IntrospectionTypes.SchemaField,
                "__type" when ReferenceEquals(type, schema.QueryType) => IntrospectionTypes.TypeField,
                _ => type.GetField(name),
            };
            if (definition is null && name != "__typename")
            {
                continue;
            }

            var plan = new FieldPlan(responseName, definition, nodes);
            if (definition is not null)
            {
                PlanArguments(plan, definition, nodes[0]);
            }

            fields.Add(plan);
        }

        return new SelectionPlan(type, [.. fields]);
    }

    public static bool ShouldInclude(IReadOnlyList<DirectiveNode> directives, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var condition = false;
            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == "if")
                {
                    condition = argument.Value switch
                    {
                        BooleanValueNode b => b.Value,
                        VariableNode v => variables.TryGetValue(v.Name.Value, out var value) && value is true,
                        _ => false,
                    };
                }
            }

            if (name == "skip" ? condition : !condition)
            {
                return false;
            }
        }

        return true;
    }

    private static void Collect(
        PreparedDocument document,
        ObjectType type,
        SelectionSetNode selectionSet,
        IReadOnlyDictionary<string, object?> variables,
        Dictionary<string, List<FieldNode>> grouped,
        List<string> order,
        HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (!ShouldInclude(selection.Directives, variables))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    var key = field.ResponseKey;
                    if (!grouped.TryGetValue(key, out var list))
                    {
                        list = [];
                        grouped[key] = list;
                        order.Add(key);
                    }

                    list.Add(field);
                    break;
                case FragmentSpreadNode spread:
                    if (!visitedFragments.Add(spread.Name.Value)
                        || !document.Fragments.TryGetValue(spread.Name.Value, out var fragment)
                        || !DoesFragmentApply(document.Schema, type, fragment.TypeCondition))
                    {
                        continue;
                    }

                    Collect(document, type, fragment.SelectionSet, variables, grouped, order, visitedFragments);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is not null && !DoesFragmentApply(document.Schema, type, inline.TypeCondition))
                    {
                        continue;
                    }

                    Collect(document, type, inline.SelectionSet, variables, grouped, order, visitedFragments);
                    break;
            }
        }
    }

    private static bool DoesFragmentApply(GraphQLSchema schema, ObjectType type, NamedTypeNode condition)
    {
        var conditionType = schema.GetNamedType(condition.Name.Value);
        return conditionType is not null && (ReferenceEquals(conditionType, type) || (conditionType.IsAbstractType && schema.IsSubType(conditionType, type)));
    }

    private static void PlanArguments(FieldPlan plan, FieldDefinition definition, FieldNode node)
    {
        if (definition.Arguments.Count == 0)
        {
            plan.StaticArguments = NoArguments;
            return;
        }

        foreach (var argument in node.Arguments)
        {
            if (ContainsVariable(argument.Value))
            {
                return;
            }
        }

        try
        {
            plan.StaticArguments = ArgumentCoercion.Coerce(definition, node, variables: null);
        }
        catch (GraphQLException error)
        {
            plan.StaticArgumentError = error;
        }
    }

    private static bool ContainsVariable(ValueNode value) => value switch
    {
        VariableNode => true,
        ListValueNode list => list.Values.Any(ContainsVariable),
        ObjectValueNode obj => obj.Fields.Any(f => ContainsVariable(f.Value)),
        _ => false,
    };
}
