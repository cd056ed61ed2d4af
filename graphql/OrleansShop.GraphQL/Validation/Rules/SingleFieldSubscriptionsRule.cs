using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.2.3.1 Single Root Field: a subscription selects exactly one root field, not an introspection field, and
/// (since the 2025 edition) its root selection set uses neither <c>@skip</c> nor <c>@include</c>.
/// </summary>
internal sealed class SingleFieldSubscriptionsRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return node is DocumentNode ? VisitorAction.Continue : VisitorAction.Skip;
        }

        if (operation.Operation != OperationType.Subscription || Context.Schema.SubscriptionType is not { } subscriptionType)
        {
            return VisitorAction.Skip;
        }

        var grouped = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var forbidden = new List<DirectiveNode>();
        CollectFields(subscriptionType, operation.SelectionSet, grouped, forbidden, new HashSet<string>(StringComparer.Ordinal));
        string subject = operation.Name is { } name ? $"Subscription \"{name.Value}\"" : "Anonymous Subscription";
        if (forbidden.Count > 0)
        {
            Context.ReportError($"{subject} must not use `@skip` or `@include` directives in the top level selection.", forbidden);
            return VisitorAction.Skip;
        }

        if (grouped.Count == 0)
        {
            Context.ReportError($"{subject} must select one top level field.", operation.SelectionSet);
        }
        else if (grouped.Count > 1)
        {
            Context.ReportError($"{subject} must select only one top level field.", grouped.Values.Skip(1).SelectMany(f => f));
        }

        foreach (var fields in grouped.Values)
        {
            if (fields[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                Context.ReportError($"{subject} must not select an introspection top level field.", fields);
            }
        }

        return VisitorAction.Skip;
    }

    /// <summary>CollectFields (spec 6.3.2) with no variables, recording <c>@skip</c>/<c>@include</c> instead of evaluating them.</summary>
    private void CollectFields(ObjectType type, SelectionSetNode selectionSet, Dictionary<string, List<FieldNode>> grouped,
        List<DirectiveNode> forbidden, HashSet<string> visitedFragments)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var selection in selectionSet.Selections)
        {
            if (ForbiddenDirective(selection) is { } directive)
            {
                forbidden.Add(directive);
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    if (!grouped.TryGetValue(field.ResponseKey, out var list))
                    {
                        list = [];
                        grouped[field.ResponseKey] = list;
                    }

                    list.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (ConditionMatches(inline.TypeCondition, type))
                    {
                        CollectFields(type, inline.SelectionSet, grouped, forbidden, visitedFragments);
                    }

                    break;
                case FragmentSpreadNode spread:
                    if (Context.GetFragment(spread.Name.Value) is { } fragment
                        && ConditionMatches(fragment.TypeCondition, type)
                        && visitedFragments.Add(spread.Name.Value))
                    {
                        CollectFields(type, fragment.SelectionSet, grouped, forbidden, visitedFragments);
                    }

                    break;
            }
        }
    }

    private static DirectiveNode? ForbiddenDirective(SelectionNode selection)
    {
        DirectiveNode? include = null;
        foreach (var directive in selection.Directives)
        {
            switch (directive.Name.Value)
            {
                case "skip":
                    return directive;
                case "include":
                    include ??= directive;
                    break;
            }
        }

        return include;
    }

    private bool ConditionMatches(NamedTypeNode? condition, ObjectType type)
    {
        if (condition is null)
        {
            return true;
        }

        var conditionType = Context.Schema.GetNamedType(condition.Name.Value);
        return ReferenceEquals(conditionType, type) || (conditionType is { IsAbstractType: true } && Context.Schema.IsSubType(conditionType, type));
    }
}
