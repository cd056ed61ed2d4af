using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2.1 Required Arguments: non-null arguments without a default must be given.</summary>
internal sealed class ProvidedRequiredArgumentsRule(ValidationContext context) : ValidationRule(context)
{
    private Dictionary<string, List<(string Name, string Type)>>? _requiredDirectiveArguments;

    public override VisitorAction Leave(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        switch (node)
        {
            case FieldNode field when Context.TypeInfo.FieldDef is { Arguments.Count: > 0 } fieldDef:
                foreach (var argument in fieldDef.Arguments)
                {
                    if (argument.IsRequired && !Provided(field.Arguments, argument.Name))
                    {
                        Context.ReportError(
                            $"Argument \"{TypeInfo.Coordinate(fieldDef)}({argument.Name}:)\" of type \"{argument.Type}\" is required, but it was not provided.",
                            field);
                    }
                }

                break;
            case DirectiveNode directive:
                string directiveName = directive.Name.Value;
                if (RequiredDirectiveArguments().TryGetValue(directiveName, out var required))
                {
                    foreach (var (name, type) in required)
                    {
                        if (!Provided(directive.Arguments, name))
                        {
                            Context.ReportError(
                                $"Argument \"@{directiveName}({name}:)\" of type \"{type}\" is required, but it was not provided.",
                                directive);
                        }
                    }
                }

                break;
        }

        return VisitorAction.Continue;
    }

    private static bool Provided(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Name.Value == name)
            {
                return true;
            }
        }

        return false;
    }

    private Dictionary<string, List<(string Name, string Type)>> RequiredDirectiveArguments()
    {
        if (_requiredDirectiveArguments is null)
        {
            _requiredDirectiveArguments = new(StringComparer.Ordinal);
            foreach (var directive in Context.Schema.Directives)
            {
                _requiredDirectiveArguments[directive.Name] =
                    [.. directive.Arguments.Where(a => a.IsRequired).Select(a => (a.Name, a.Type.ToString()))];
            }

            foreach (var definition in Context.Document.Definitions)
            {
                if (definition is DirectiveDefinitionNode directiveDefinition)
                {
                    _requiredDirectiveArguments[directiveDefinition.Name.Value] =
                        [.. directiveDefinition.Arguments.Where(a => a.Type is NonNullTypeNode && a.DefaultValue is null)
                            .Select(a => (a.Name.Value, Printer.Print(a.Type)))];
                }
            }
        }

        return _requiredDirectiveArguments;
    }
}
