using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.7.1 Directives Are Defined and 5.7.2 Directives Are In Valid Locations.</summary>
internal sealed class KnownDirectivesRule(ValidationContext context) : ValidationRule(context)
{
    private Dictionary<string, HashSet<DirectiveLocation>>? _locations;

    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is not DirectiveNode directive)
        {
            return VisitorAction.Continue;
        }

        string name = directive.Name.Value;
        if (!Locations().TryGetValue(name, out var locations))
        {
            Context.ReportError($"Unknown directive \"@{name}\".", directive);
            return VisitorAction.Continue;
        }

        if (LocationOf(ancestors) is { } location && !locations.Contains(location))
        {
            Context.ReportError($"Directive \"@{name}\" may not be used on {location.ToName()}.", directive);
        }

        return VisitorAction.Continue;
    }

    private static DirectiveLocation? LocationOf(IReadOnlyList<SyntaxNode> ancestors) => ancestors[^1] switch
    {
        OperationDefinitionNode { Operation: OperationType.Mutation } => DirectiveLocation.Mutation,
        OperationDefinitionNode { Operation: OperationType.Subscription } => DirectiveLocation.Subscription,
        OperationDefinitionNode => DirectiveLocation.Query,
        FieldNode => DirectiveLocation.Field,
        FragmentSpreadNode => DirectiveLocation.FragmentSpread,
        InlineFragmentNode => DirectiveLocation.InlineFragment,
        FragmentDefinitionNode => DirectiveLocation.FragmentDefinition,
        VariableDefinitionNode => DirectiveLocation.VariableDefinition,
        SchemaDefinitionNode or SchemaExtensionNode => DirectiveLocation.Schema,
        ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocation.Scalar,
        ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocation.Object,
        FieldDefinitionNode => DirectiveLocation.FieldDefinition,
        InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocation.Interface,
        UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocation.Union,
        EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocation.Enum,
        EnumValueDefinitionNode => DirectiveLocation.EnumValue,
        InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => DirectiveLocation.InputObject,
        InputValueDefinitionNode when ancestors.Count > 1 && ancestors[^2] is InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode
            => DirectiveLocation.InputFieldDefinition,
        InputValueDefinitionNode => DirectiveLocation.ArgumentDefinition,
        _ => null,
    };

    private Dictionary<string, HashSet<DirectiveLocation>> Locations()
    {
        if (_locations is null)
        {
            _locations = new(StringComparer.Ordinal);
            foreach (var directive in Context.Schema.Directives)
            {
                _locations[directive.Name] = [.. directive.Locations];
            }

            foreach (var definition in Context.Document.Definitions)
            {
                if (definition is DirectiveDefinitionNode directiveDefinition)
                {
                    var set = new HashSet<DirectiveLocation>();
                    foreach (var location in directiveDefinition.Locations)
                    {
                        if (DirectiveLocations.TryParse(location.Value, out var parsed))
                        {
                            set.Add(parsed);
                        }
                    }

                    _locations[directiveDefinition.Name.Value] = set;
                }
            }
        }

        return _locations;
    }
}
