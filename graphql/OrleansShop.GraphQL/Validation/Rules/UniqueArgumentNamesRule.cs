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
        if (arguments is { Count: > 1 } && HasDuplicate(arguments))
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

    /// <summary>Argument lists are short: a pairwise check allocates nothing on the common, valid path.</summary>
    private static bool HasDuplicate(IReadOnlyList<ArgumentNode> arguments)
    {
        for (int i = 1; i < arguments.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (arguments[i].Name.Value == arguments[j].Name.Value)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
