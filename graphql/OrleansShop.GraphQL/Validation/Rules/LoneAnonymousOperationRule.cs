using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.2.1 Lone Anonymous Operation.</summary>
internal sealed class LoneAnonymousOperationRule(ValidationContext context) : ValidationRule(context)
{
    private int _operations;

    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        switch (node)
        {
            case DocumentNode document:
                foreach (var definition in document.Definitions)
                {
                    if (definition is OperationDefinitionNode)
                    {
                        _operations++;
                    }
                }

                return VisitorAction.Continue;
            case OperationDefinitionNode { Name: null } operation when _operations > 1:
                Context.ReportError("This anonymous operation must be the only defined operation.", operation);
                break;
        }

        return VisitorAction.Skip;
    }
}
