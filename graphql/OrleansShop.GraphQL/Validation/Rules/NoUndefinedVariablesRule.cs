using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.3 All Variable Uses Defined: by the operation, through every fragment it uses.</summary>
internal sealed class NoUndefinedVariablesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is OperationDefinitionNode operation)
        {
            var defined = new HashSet<string>(operation.VariableDefinitions.Select(d => d.Variable.Name.Value), StringComparer.Ordinal);
            foreach (var usage in Context.GetRecursiveVariableUsages(operation))
            {
                string name = usage.Node.Name.Value;
                if (!defined.Contains(name))
                {
                    Context.ReportError(
                        operation.Name is { } operationName
                            ? $"Variable \"${name}\" is not defined by operation \"{operationName.Value}\"."
                            : $"Variable \"${name}\" is not defined.",
                        usage.Node,
                        operation);
                }
            }
        }

        return VisitorAction.Continue;
    }
}
