using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.1 Variable Uniqueness.</summary>
internal sealed class UniqueVariableNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is OperationDefinitionNode operation)
        {
            foreach (var group in operation.VariableDefinitions.GroupBy(d => d.Variable.Name.Value, StringComparer.Ordinal))
            {
                if (group.Count() > 1)
                {
                    Context.ReportError($"There can be only one variable named \"${group.Key}\".", group.Select(d => (SyntaxNode)d.Variable.Name));
                }
            }
        }

        return VisitorAction.Continue;
    }
}
