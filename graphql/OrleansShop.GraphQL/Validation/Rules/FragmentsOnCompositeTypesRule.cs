using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.3 Fragments On Composite Types.</summary>
internal sealed class FragmentsOnCompositeTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        switch (node)
        {
            case InlineFragmentNode { TypeCondition: { } condition }:
                if (TypeInfo.TypeFromAst(Context.Schema, condition) is { IsCompositeType: false })
                {
                    Context.ReportError($"Fragment cannot condition on non composite type \"{condition.Name.Value}\".", condition);
                }

                break;
            case FragmentDefinitionNode fragment:
                if (TypeInfo.TypeFromAst(Context.Schema, fragment.TypeCondition) is { IsCompositeType: false })
                {
                    Context.ReportError(
                        $"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{fragment.TypeCondition.Name.Value}\".",
                        fragment.TypeCondition);
                }

                break;
        }

        return VisitorAction.Continue;
    }
}
