using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>
/// graphql-js's recommended guard against introspection floods: under <c>__schema</c> or <c>__type</c>, at most
/// <see cref="ValidationOptions.MaxIntrospectionListDepth"/> nested <c>fields</c>, <c>interfaces</c>,
/// <c>possibleTypes</c> or <c>inputFields</c> lists (fragments followed). <c>ofType</c> chains are not counted.
/// </summary>
internal sealed class MaxIntrospectionDepthRule(ValidationContext context) : ValidationRule(context)
{
    private readonly int _maxListsDepth = context.Options.MaxIntrospectionListDepth ?? int.MaxValue;
    private readonly Dictionary<string, int> _checked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _exceeded = new(StringComparer.Ordinal);

    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is FieldNode { Name.Value: "__schema" or "__type" } field
            && Exceeds(field, new Dictionary<string, int>(StringComparer.Ordinal), 0))
        {
            Context.ReportError("Maximum introspection depth exceeded", field);
            return VisitorAction.Skip;
        }

        return VisitorAction.Continue;
    }

    private bool Exceeds(SyntaxNode node, Dictionary<string, int> visited, int depth)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (node is FragmentSpreadNode spread)
        {
            string name = spread.Name.Value;
            if (_exceeded.TryGetValue(name, out int exceededAt) && exceededAt <= depth)
            {
                return true;
            }

            if ((visited.TryGetValue(name, out int visitedAt) && visitedAt >= depth)
                || (_checked.TryGetValue(name, out int checkedAt) && checkedAt >= depth))
            {
                return false;
            }

            if (Context.GetFragment(name) is not { } fragment)
            {
                return false;
            }

            visited[name] = depth;
            if (Exceeds(fragment, visited, depth))
            {
                _exceeded[name] = depth;
                return true;
            }

            _checked[name] = depth;
            return false;
        }

        if (node is FieldNode { Name.Value: "fields" or "interfaces" or "possibleTypes" or "inputFields" })
        {
            depth++;
            if (depth >= _maxListsDepth)
            {
                return true;
            }
        }

        var selectionSet = node switch
        {
            FieldNode f => f.SelectionSet,
            InlineFragmentNode i => i.SelectionSet,
            FragmentDefinitionNode d => d.SelectionSet,
            _ => null,
        };
        if (selectionSet is not null)
        {
            foreach (var child in selectionSet.Selections)
            {
                if (Exceeds(child, visited, depth))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
