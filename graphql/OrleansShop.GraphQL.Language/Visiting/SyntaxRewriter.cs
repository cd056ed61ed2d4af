namespace OrleansShop.GraphQL.Language;

/// <summary>
/// Rebuilds an AST bottom-up (graphql-js <c>visit</c> with edits). Override <see cref="Visit"/>:
/// return the node to keep it, another node to replace it, or null to remove it from a list; call
/// <see cref="VisitChildren"/> to rewrite inside. Unchanged subtrees are shared, not copied.
/// </summary>
public abstract class SyntaxRewriter
{
    public virtual SyntaxNode? Visit(SyntaxNode node) => VisitChildren(node);

    /// <summary>Rewrites the node's children; returns the node itself when none changed.</summary>
    protected SyntaxNode VisitChildren(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case DocumentNode n:
            {
                var definitions = Many(n.Definitions);
                return Same(definitions, n.Definitions) ? n
                    : new DocumentNode { Definitions = definitions, TokenCount = n.TokenCount, Location = n.Location };
            }

            case OperationDefinitionNode n:
            {
                var description = Optional(n.Description);
                var name = Optional(n.Name);
                var variables = Many(n.VariableDefinitions);
                var directives = Many(n.Directives);
                var selectionSet = Required(n.SelectionSet, n);
                return description == n.Description && name == n.Name && Same(variables, n.VariableDefinitions)
                    && Same(directives, n.Directives) && selectionSet == n.SelectionSet ? n
                    : new OperationDefinitionNode
                    {
                        Description = description, Operation = n.Operation, Name = name, VariableDefinitions = variables,
                        Directives = directives, SelectionSet = selectionSet, Location = n.Location,
                    };
            }

            case VariableDefinitionNode n:
            {
                var description = Optional(n.Description);
                var variable = Required(n.Variable, n);
                var type = Required(n.Type, n);
                var defaultValue = Optional(n.DefaultValue);
                var directives = Many(n.Directives);
                return description == n.Description && variable == n.Variable && type == n.Type
                    && defaultValue == n.DefaultValue && Same(directives, n.Directives) ? n
                    : new VariableDefinitionNode
                    {
                        Description = description, Variable = variable, Type = type, DefaultValue = defaultValue,
                        Directives = directives, Location = n.Location,
                    };
            }

            case VariableNode n:
            {
                var name = Required(n.Name, n);
                return name == n.Name ? n : new VariableNode { Name = name, Location = n.Location };
            }

            case SelectionSetNode n:
            {
                var selections = Many(n.Selections);
                return Same(selections, n.Selections) ? n : new SelectionSetNode { Selections = selections, Location = n.Location };
            }

            case FieldNode n:
            {
                var alias = Optional(n.Alias);
                var name = Required(n.Name, n);
                var arguments = Many(n.Arguments);
                var directives = Many(n.Directives);
                var selectionSet = Optional(n.SelectionSet);
                return alias == n.Alias && name == n.Name && Same(arguments, n.Arguments) && Same(directives, n.Directives)
                    && selectionSet == n.SelectionSet ? n
                    : new FieldNode
                    {
                        Alias = alias, Name = name, Arguments = arguments, Directives = directives,
                        SelectionSet = selectionSet, Location = n.Location,
                    };
            }

            case ArgumentNode n:
            {
                var name = Required(n.Name, n);
                var value = Required(n.Value, n);
                return name == n.Name && value == n.Value ? n : new ArgumentNode { Name = name, Value = value, Location = n.Location };
            }

            case FragmentSpreadNode n:
            {
                var name = Required(n.Name, n);
                var directives = Many(n.Directives);
                return name == n.Name && Same(directives, n.Directives) ? n
                    : new FragmentSpreadNode { Name = name, Directives = directives, Location = n.Location };
            }

            case InlineFragmentNode n:
            {
                var typeCondition = Optional(n.TypeCondition);
                var directives = Many(n.Directives);
                var selectionSet = Required(n.SelectionSet, n);
                return typeCondition == n.TypeCondition && Same(directives, n.Directives) && selectionSet == n.SelectionSet ? n
                    : new InlineFragmentNode { TypeCondition = typeCondition, Directives = directives, SelectionSet = selectionSet, Location = n.Location };
            }

            case FragmentDefinitionNode n:
            {
                var description = Optional(n.Description);
                var name = Required(n.Name, n);
                var typeCondition = Required(n.TypeCondition, n);
                var directives = Many(n.Directives);
                var selectionSet = Required(n.SelectionSet, n);
                return description == n.Description && name == n.Name && typeCondition == n.TypeCondition
                    && Same(directives, n.Directives) && selectionSet == n.SelectionSet ? n
                    : new FragmentDefinitionNode
                    {
                        Description = description, Name = name, TypeCondition = typeCondition, Directives = directives,
                        SelectionSet = selectionSet, Location = n.Location,
                    };
            }

            case ListValueNode n:
            {
                var values = Many(n.Values);
                return Same(values, n.Values) ? n : new ListValueNode { Values = values, Location = n.Location };
            }

            case ObjectValueNode n:
            {
                var fields = Many(n.Fields);
                return Same(fields, n.Fields) ? n : new ObjectValueNode { Fields = fields, Location = n.Location };
            }

            case ObjectFieldNode n:
            {
                var name = Required(n.Name, n);
                var value = Required(n.Value, n);
                return name == n.Name && value == n.Value ? n : new ObjectFieldNode { Name = name, Value = value, Location = n.Location };
            }

            case DirectiveNode n:
            {
                var name = Required(n.Name, n);
                var arguments = Many(n.Arguments);
                return name == n.Name && Same(arguments, n.Arguments) ? n
                    : new DirectiveNode { Name = name, Arguments = arguments, Location = n.Location };
            }

            case NamedTypeNode n:
            {
                var name = Required(n.Name, n);
                return name == n.Name ? n : new NamedTypeNode { Name = name, Location = n.Location };
            }

            case ListTypeNode n:
            {
                var type = Required(n.Type, n);
                return type == n.Type ? n : new ListTypeNode { Type = type, Location = n.Location };
            }

            case NonNullTypeNode n:
            {
                var type = Required(n.Type, n);
                return type == n.Type ? n : new NonNullTypeNode { Type = type, Location = n.Location };
            }

            case TypeSystemDefinitionNode or TypeSystemExtensionNode or OperationTypeDefinitionNode or FieldDefinitionNode
                or InputValueDefinitionNode or EnumValueDefinitionNode:
                return VisitTypeSystemChildren(node);

            default:
                // Name and scalar values are leaves.
                return node;
        }
    }

    private SyntaxNode VisitTypeSystemChildren(SyntaxNode node)
    {
        switch (node)
        {
            case SchemaDefinitionNode n:
            {
                var description = Optional(n.Description);
                var directives = Many(n.Directives);
                var operationTypes = Many(n.OperationTypes);
                return description == n.Description && Same(directives, n.Directives) && Same(operationTypes, n.OperationTypes) ? n
                    : new SchemaDefinitionNode { Description = description, Directives = directives, OperationTypes = operationTypes, Location = n.Location };
            }

            case OperationTypeDefinitionNode n:
            {
                var type = Required(n.Type, n);
                return type == n.Type ? n : new OperationTypeDefinitionNode { Operation = n.Operation, Type = type, Location = n.Location };
            }

            case ScalarTypeDefinitionNode n:
            {
                var (description, name, directives) = (Optional(n.Description), Required(n.Name, n), Many(n.Directives));
                return description == n.Description && name == n.Name && Same(directives, n.Directives) ? n
                    : new ScalarTypeDefinitionNode { Description = description, Name = name, Directives = directives, Location = n.Location };
            }

            case ObjectTypeDefinitionNode n:
            {
                var (description, name, interfaces, directives, fields) =
                    (Optional(n.Description), Required(n.Name, n), Many(n.Interfaces), Many(n.Directives), Many(n.Fields));
                return description == n.Description && name == n.Name && Same(interfaces, n.Interfaces)
                    && Same(directives, n.Directives) && Same(fields, n.Fields) ? n
                    : new ObjectTypeDefinitionNode
                    {
                        Description = description, Name = name, Interfaces = interfaces, Directives = directives, Fields = fields, Location = n.Location,
                    };
            }

            case FieldDefinitionNode n:
            {
                var (description, name, arguments, type, directives) =
                    (Optional(n.Description), Required(n.Name, n), Many(n.Arguments), Required(n.Type, n), Many(n.Directives));
                return description == n.Description && name == n.Name && Same(arguments, n.Arguments) && type == n.Type
                    && Same(directives, n.Directives) ? n
                    : new FieldDefinitionNode
                    {
                        Description = description, Name = name, Arguments = arguments, Type = type, Directives = directives, Location = n.Location,
                    };
            }

            case InputValueDefinitionNode n:
            {
                var (description, name, type, defaultValue, directives) =
                    (Optional(n.Description), Required(n.Name, n), Required(n.Type, n), Optional(n.DefaultValue), Many(n.Directives));
                return description == n.Description && name == n.Name && type == n.Type && defaultValue == n.DefaultValue
                    && Same(directives, n.Directives) ? n
                    : new InputValueDefinitionNode
                    {
                        Description = description, Name = name, Type = type, DefaultValue = defaultValue, Directives = directives, Location = n.Location,
                    };
            }

            case InterfaceTypeDefinitionNode n:
            {
                var (description, name, interfaces, directives, fields) =
                    (Optional(n.Description), Required(n.Name, n), Many(n.Interfaces), Many(n.Directives), Many(n.Fields));
                return description == n.Description && name == n.Name && Same(interfaces, n.Interfaces)
                    && Same(directives, n.Directives) && Same(fields, n.Fields) ? n
                    : new InterfaceTypeDefinitionNode
                    {
                        Description = description, Name = name, Interfaces = interfaces, Directives = directives, Fields = fields, Location = n.Location,
                    };
            }

            case UnionTypeDefinitionNode n:
            {
                var (description, name, directives, types) = (Optional(n.Description), Required(n.Name, n), Many(n.Directives), Many(n.Types));
                return description == n.Description && name == n.Name && Same(directives, n.Directives) && Same(types, n.Types) ? n
                    : new UnionTypeDefinitionNode { Description = description, Name = name, Directives = directives, Types = types, Location = n.Location };
            }

            case EnumTypeDefinitionNode n:
            {
                var (description, name, directives, values) = (Optional(n.Description), Required(n.Name, n), Many(n.Directives), Many(n.Values));
                return description == n.Description && name == n.Name && Same(directives, n.Directives) && Same(values, n.Values) ? n
                    : new EnumTypeDefinitionNode { Description = description, Name = name, Directives = directives, Values = values, Location = n.Location };
            }

            case EnumValueDefinitionNode n:
            {
                var (description, name, directives) = (Optional(n.Description), Required(n.Name, n), Many(n.Directives));
                return description == n.Description && name == n.Name && Same(directives, n.Directives) ? n
                    : new EnumValueDefinitionNode { Description = description, Name = name, Directives = directives, Location = n.Location };
            }

            case InputObjectTypeDefinitionNode n:
            {
                var (description, name, directives, fields) = (Optional(n.Description), Required(n.Name, n), Many(n.Directives), Many(n.Fields));
                return description == n.Description && name == n.Name && Same(directives, n.Directives) && Same(fields, n.Fields) ? n
                    : new InputObjectTypeDefinitionNode { Description = description, Name = name, Directives = directives, Fields = fields, Location = n.Location };
            }

            case DirectiveDefinitionNode n:
            {
                var (description, name, arguments, locations) = (Optional(n.Description), Required(n.Name, n), Many(n.Arguments), Many(n.Locations));
                return description == n.Description && name == n.Name && Same(arguments, n.Arguments) && Same(locations, n.Locations) ? n
                    : new DirectiveDefinitionNode
                    {
                        Description = description, Name = name, Arguments = arguments, Repeatable = n.Repeatable, Locations = locations, Location = n.Location,
                    };
            }

            case SchemaExtensionNode n:
            {
                var (directives, operationTypes) = (Many(n.Directives), Many(n.OperationTypes));
                return Same(directives, n.Directives) && Same(operationTypes, n.OperationTypes) ? n
                    : new SchemaExtensionNode { Directives = directives, OperationTypes = operationTypes, Location = n.Location };
            }

            case ScalarTypeExtensionNode n:
            {
                var (name, directives) = (Required(n.Name, n), Many(n.Directives));
                return name == n.Name && Same(directives, n.Directives) ? n
                    : new ScalarTypeExtensionNode { Name = name, Directives = directives, Location = n.Location };
            }

            case ObjectTypeExtensionNode n:
            {
                var (name, interfaces, directives, fields) = (Required(n.Name, n), Many(n.Interfaces), Many(n.Directives), Many(n.Fields));
                return name == n.Name && Same(interfaces, n.Interfaces) && Same(directives, n.Directives) && Same(fields, n.Fields) ? n
                    : new ObjectTypeExtensionNode { Name = name, Interfaces = interfaces, Directives = directives, Fields = fields, Location = n.Location };
            }

            case InterfaceTypeExtensionNode n:
            {
                var (name, interfaces, directives, fields) = (Required(n.Name, n), Many(n.Interfaces), Many(n.Directives), Many(n.Fields));
                return name == n.Name && Same(interfaces, n.Interfaces) && Same(directives, n.Directives) && Same(fields, n.Fields) ? n
                    : new InterfaceTypeExtensionNode { Name = name, Interfaces = interfaces, Directives = directives, Fields = fields, Location = n.Location };
            }

            case UnionTypeExtensionNode n:
            {
                var (name, directives, types) = (Required(n.Name, n), Many(n.Directives), Many(n.Types));
                return name == n.Name && Same(directives, n.Directives) && Same(types, n.Types) ? n
                    : new UnionTypeExtensionNode { Name = name, Directives = directives, Types = types, Location = n.Location };
            }

            case EnumTypeExtensionNode n:
            {
                var (name, directives, values) = (Required(n.Name, n), Many(n.Directives), Many(n.Values));
                return name == n.Name && Same(directives, n.Directives) && Same(values, n.Values) ? n
                    : new EnumTypeExtensionNode { Name = name, Directives = directives, Values = values, Location = n.Location };
            }

            case InputObjectTypeExtensionNode n:
            {
                var (name, directives, fields) = (Required(n.Name, n), Many(n.Directives), Many(n.Fields));
                return name == n.Name && Same(directives, n.Directives) && Same(fields, n.Fields) ? n
                    : new InputObjectTypeExtensionNode { Name = name, Directives = directives, Fields = fields, Location = n.Location };
            }

            default:
                return node;
        }
    }

    private T? Optional<T>(T? child)
        where T : SyntaxNode
    {
        if (child is null)
        {
            return null;
        }

        SyntaxNode? result = Visit(child);
        return result switch
        {
            null => null,
            T typed => typed,
            _ => throw new InvalidOperationException(
                $"A rewriter replaced a {child.Kind} node with a {result.Kind} node, which cannot stand in its place."),
        };
    }

    private T Required<T>(T child, SyntaxNode parent)
        where T : SyntaxNode =>
        Optional(child) ?? throw new InvalidOperationException(
            $"A rewriter removed the required {child.Kind} node of a {parent.Kind} node.");

    private IReadOnlyList<T> Many<T>(IReadOnlyList<T> children)
        where T : SyntaxNode
    {
        List<T>? changed = null;
        for (int i = 0; i < children.Count; i++)
        {
            T? result = Optional(children[i]);
            if (changed is null && !ReferenceEquals(result, children[i]))
            {
                changed = new List<T>(children.Count);
                for (int j = 0; j < i; j++)
                {
                    changed.Add(children[j]);
                }
            }

            if (changed is not null && result is not null)
            {
                changed.Add(result);
            }
        }

        return changed is null ? children : changed.ToArray();
    }

    private static bool Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) => ReferenceEquals(a, b);
}
