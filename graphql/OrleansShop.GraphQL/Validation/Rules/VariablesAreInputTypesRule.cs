using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.2 Variables Are Input Types.</summary>
internal sealed class VariablesAreInputTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is VariableDefinitionNode definition
            && TypeInfo.TypeFromAst(Context.Schema, definition.Type) is { IsInputType: false })
        {
            Context.ReportError(
                $"Variable \"${definition.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(definition.Type)}\".",
                definition.Type);
        }

        return VisitorAction.Continue;
    }
}
