using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.1 Fragment Spread Target Defined.</summary>
internal sealed class KnownFragmentNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is FragmentSpreadNode spread && Context.GetFragment(spread.Name.Value) is null)
        {
            Context.ReportError($"Unknown fragment \"{spread.Name.Value}\".", spread.Name);
        }

        return VisitorAction.Continue;
    }
}
