using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.4 Fragments Must Be Used.</summary>
internal sealed class NoUnusedFragmentsRule(ValidationContext context) : ValidationRule(context)
{
    private readonly List<OperationDefinitionNode> _operations = [];
    private readonly List<FragmentDefinitionNode> _fragments = [];

    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        switch (node)
        {
            case DocumentNode:
                return VisitorAction.Continue;
            case OperationDefinitionNode operation:
                _operations.Add(operation);
                break;
            case FragmentDefinitionNode fragment:
                _fragments.Add(fragment);
                break;
        }

        return VisitorAction.Skip;
    }

    public override VisitorAction Leave(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is DocumentNode)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var operation in _operations)
            {
                foreach (var fragment in Context.GetRecursivelyReferencedFragments(operation))
                {
                    used.Add(fragment.Name.Value);
                }
            }

            foreach (var fragment in _fragments)
            {
                if (!used.Contains(fragment.Name.Value))
                {
                    Context.ReportError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
                }
            }
        }

        return VisitorAction.Continue;
    }
}
