using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2 Argument Uniqueness.</summary>
internal sealed class UniqueArgumentNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        var arguments = node switch
        {
            FieldNode field => field.Arguments,
            DirectiveNode directive => directive.Arguments,
            _ => null,
        };
        if (arguments is { Count: > 1 })
        {
            foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal))
            {
                if (group.Count() > 1)
                {
                    Context.ReportError($"There can be only one argument named \"{group.Key}\".", group.Select(a => (SyntaxNode)a.Name));
                }
            }
        }

        return VisitorAction.Continue;
    }
}
