using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.1.1 Executable Definitions: a document sent for execution holds only operations and fragments.</summary>
internal sealed class ExecutableDefinitionsRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is DocumentNode document)
        {
            foreach (var definition in document.Definitions)
            {
                if (definition is not ExecutableDefinitionNode)
                {
                    string name = definition is SchemaDefinitionNode or SchemaExtensionNode
                        ? "schema"
                        : "\"" + ((INamedSyntaxNode)definition).Name.Value + "\"";
                    Context.ReportError($"The {name} definition is not executable.", definition);
                }
            }
        }

        return VisitorAction.Skip;
    }
}
