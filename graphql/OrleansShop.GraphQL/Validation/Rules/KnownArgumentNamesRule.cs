using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.1 Argument Names: every argument of a field or directive must be defined by it.</summary>
internal sealed class KnownArgumentNamesRule(ValidationContext context) : ValidationRule(context)
{
    private Dictionary<string, string[]>? _directiveArguments;

    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        switch (node)
        {
            case DirectiveNode directive:
                string directiveName = directive.Name.Value;
                if (DirectiveArguments().TryGetValue(directiveName, out var known))
                {
                    foreach (var argument in directive.Arguments)
                    {
                        string argumentName = argument.Name.Value;
                        if (Array.IndexOf(known, argumentName) < 0)
                        {
                            string hint = Context.HideSuggestions ? string.Empty : Suggestions.DidYouMean(Suggestions.List(argumentName, known));
                            Context.ReportError($"Unknown argument \"{argumentName}\" on directive \"@{directiveName}\"." + hint, argument);
                        }
                    }
                }

                return VisitorAction.Skip;
            case ArgumentNode argumentNode when Context.TypeInfo.Argument is null && Context.TypeInfo.FieldDef is { } fieldDef:
                string name = argumentNode.Name.Value;
                string suggestion = Context.HideSuggestions
                    ? string.Empty
                    : Suggestions.DidYouMean(Suggestions.List(name, fieldDef.Arguments.Select(a => a.Name)));
                Context.ReportError($"Unknown argument \"{name}\" on field \"{TypeInfo.Coordinate(fieldDef)}\"." + suggestion, argumentNode);
                break;
        }

        return VisitorAction.Continue;
    }

    private Dictionary<string, string[]> DirectiveArguments()
    {
        if (_directiveArguments is null)
        {
            _directiveArguments = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var directive in Context.Schema.Directives)
            {
                _directiveArguments[directive.Name] = [.. directive.Arguments.Select(a => a.Name)];
            }

            foreach (var definition in Context.Document.Definitions)
            {
                if (definition is DirectiveDefinitionNode directiveDefinition)
                {
                    _directiveArguments[directiveDefinition.Name.Value] = [.. directiveDefinition.Arguments.Select(a => a.Name.Value)];
                }
            }
        }

        return _directiveArguments;
    }
}
