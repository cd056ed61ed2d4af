using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.4 All Variables Used: by the operation or by a fragment it uses.</summary>
internal sealed class NoUnusedVariablesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is OperationDefinitionNode operation)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var usage in Context.GetRecursiveVariableUsages(operation))
            {
                used.Add(usage.Node.Name.Value);
            }

            foreach (var definition in operation.VariableDefinitions)
            {
                string name = definition.Variable.Name.Value;
                if (!used.Contains(name))
                {
                    Context.ReportError(
                        operation.Name is { } operationName
                            ? $"Variable \"${name}\" is never used in operation \"{operationName.Value}\"."
                            : $"Variable \"${name}\" is never used.",
                        definition);
                }
            }
        }

        return VisitorAction.Continue;
    }
}
