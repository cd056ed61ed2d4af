using OrleansShop.GraphQL.Introspection;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.2 Fragment Spread Type Existence and 5.8.2 Variables Are Input Types: every named type must exist.</summary>
internal sealed class KnownTypeNamesRule(ValidationContext context) : ValidationRule(context)
{
    private HashSet<string>? _definedInDocument;

    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is not NamedTypeNode named)
        {
            return VisitorAction.Continue;
        }

        string typeName = named.Name.Value;
        if (Context.Schema.GetNamedType(typeName) is not null)
        {
            return VisitorAction.Continue;
        }

        _definedInDocument ??= [.. Context.Document.Definitions.OfType<TypeDefinitionNode>().Select(d => d.Name.Value)];
        if (_definedInDocument.Contains(typeName))
        {
            return VisitorAction.Continue;
        }

        var definition = ancestors.Count > 1 ? ancestors[1] : null;
        bool isSdl = definition is TypeSystemDefinitionNode or TypeSystemExtensionNode;
        if (isSdl && IsStandardTypeName(typeName))
        {
            return VisitorAction.Continue;
        }

        IReadOnlyList<string> suggestions = [];
        if (!Context.HideSuggestions)
        {
            var names = Context.Schema.TypesByName.Keys.Concat(_definedInDocument).Distinct();
            suggestions = Suggestions.List(typeName, isSdl ? StandardTypeNames().Concat(names) : names);
        }

        Context.ReportError($"Unknown type \"{typeName}\"." + Suggestions.DidYouMean(suggestions), named);
        return VisitorAction.Continue;
    }

    private static IEnumerable<string> StandardTypeNames() =>
        new[] { "String", "Int", "Float", "Boolean", "ID" }.Concat(IntrospectionTypes.All.Select(t => t.Name));

    private static bool IsStandardTypeName(string name) => StandardTypeNames().Contains(name);
}
