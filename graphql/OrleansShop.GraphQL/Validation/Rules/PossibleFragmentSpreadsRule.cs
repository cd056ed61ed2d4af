using OrleansShop.GraphQL.Utilities;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.3 Fragment Spread Is Possible: the fragment's type and the parent type must share an object type.</summary>
internal sealed class PossibleFragmentSpreadsRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        switch (node)
        {
            case InlineFragmentNode inline:
                if (Context.TypeInfo.Type is NamedType { IsCompositeType: true } fragmentType
                    && Context.TypeInfo.ParentType is { IsCompositeType: true } parentType
                    && !TypeComparators.DoTypesOverlap(Context.Schema, fragmentType, parentType))
                {
                    Context.ReportError(
                        $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                        inline);
                }

                break;
            case FragmentSpreadNode spread:
                string name = spread.Name.Value;
                if (Context.GetFragment(name) is { } fragment
                    && TypeInfo.TypeFromAst(Context.Schema, fragment.TypeCondition) is NamedType { IsCompositeType: true } spreadType
                    && Context.TypeInfo.ParentType is { } parent
                    && !TypeComparators.DoTypesOverlap(Context.Schema, spreadType, parent))
                {
                    Context.ReportError(
                        $"Fragment \"{name}\" cannot be spread here as objects of type \"{parent.Name}\" can never be of type \"{spreadType.Name}\".",
                        spread);
                }

                break;
        }

        return VisitorAction.Continue;
    }
}
