using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.1 Fragment Name Uniqueness.</summary>
internal sealed class UniqueFragmentNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is FragmentDefinitionNode fragment)
        {
            var name = fragment.Name;
            if (_known.TryGetValue(name.Value, out var first))
            {
                Context.ReportError($"There can be only one fragment named \"{name.Value}\".", first, name);
            }
            else
            {
                _known[name.Value] = name;
            }
        }

        return node is DocumentNode ? VisitorAction.Continue : VisitorAction.Skip;
    }
}
