using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.3.3 Leaf Field Selections.</summary>
internal sealed class ScalarLeafsRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is FieldNode field && Context.TypeInfo.Type is { } type)
        {
            string name = field.Name.Value;
            if (type.GetNamedType().IsLeafType)
            {
                if (field.SelectionSet is { } selectionSet)
                {
                    Context.ReportError($"Field \"{name}\" must not have a selection since type \"{type}\" has no subfields.", selectionSet);
                }
            }
            else if (field.SelectionSet is null)
            {
                Context.ReportError($"Field \"{name}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{name} {{ ... }}\"?", field);
            }
        }

        return VisitorAction.Continue;
    }
}
