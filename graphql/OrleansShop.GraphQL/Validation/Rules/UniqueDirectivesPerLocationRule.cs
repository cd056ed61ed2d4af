using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.7.3 Directives Are Unique Per Location, except repeatable directives.</summary>
internal sealed class UniqueDirectivesPerLocationRule(ValidationContext context) : ValidationRule(context)
{
    private Dictionary<string, bool>? _unique;
    private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);

    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is not IHasDirectives { Directives.Count: > 0 } withDirectives)
        {
            return VisitorAction.Continue;
        }

        Dictionary<string, DirectiveNode> seen;
        if (node is SchemaDefinitionNode or SchemaExtensionNode)
        {
            seen = _schemaDirectives;
        }
        else if (node is TypeDefinitionNode or TypeExtensionNode)
        {
            string typeName = ((INamedSyntaxNode)node).Name.Value;
            if (!_typeDirectives.TryGetValue(typeName, out seen!))
            {
                seen = new(StringComparer.Ordinal);
                _typeDirectives[typeName] = seen;
            }
        }
        else
        {
            seen = new(StringComparer.Ordinal);
        }

        foreach (var directive in withDirectives.Directives)
        {
            string name = directive.Name.Value;
            if (Unique().GetValueOrDefault(name))
            {
                if (seen.TryGetValue(name, out var first))
                {
                    Context.ReportError($"The directive \"@{name}\" can only be used once at this location.", first, directive);
                }
                else
                {
                    seen[name] = directive;
                }
            }
        }

        return VisitorAction.Continue;
    }

    private Dictionary<string, bool> Unique()
    {
        if (_unique is null)
        {
            _unique = new(StringComparer.Ordinal);
            foreach (var directive in Context.Schema.Directives)
            {
                _unique[directive.Name] = !directive.IsRepeatable;
            }

            foreach (var definition in Context.Document.Definitions)
            {
                if (definition is DirectiveDefinitionNode directiveDefinition)
                {
                    _unique[directiveDefinition.Name.Value] = !directiveDefinition.Repeatable;
                }
            }
        }

        return _unique;
    }
}
