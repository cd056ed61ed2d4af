using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.1 (2025): an operation's type must have a root type in the schema.</summary>
internal sealed class KnownOperationTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is OperationDefinitionNode operation && Context.Schema.GetRootType(operation.Operation) is null)
        {
            string kind = operation.Operation switch
            {
                OperationType.Mutation => "mutation",
                OperationType.Subscription => "subscription",
                _ => "query",
            };
            Context.ReportError($"The {kind} operation is not supported by the schema.", operation);
        }

        return VisitorAction.Continue;
    }
}
