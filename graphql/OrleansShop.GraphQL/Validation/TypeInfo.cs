using OrleansShop.GraphQL.Introspection;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation;

/// <summary>
/// Tracks, during a walk, the types at the current point of a document (graphql-js <c>TypeInfo</c>):
/// the output type and parent composite type of selections, the field and directive definitions,
/// and the expected input type and default of values.
/// </summary>
internal sealed class TypeInfo(GraphQLSchema schema)
{
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<NamedType?> _parentTypeStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<bool> _defaultValueStack = [];

    public GraphQLSchema Schema { get; } = schema;

    public GraphQLType? Type => _typeStack.Count > 0 ? _typeStack[^1] : null;

    /// <summary>The composite type whose selection set is being walked.</summary>
    public NamedType? ParentType => _parentTypeStack.Count > 0 ? _parentTypeStack[^1] : null;

    public GraphQLType? InputType => _inputTypeStack.Count > 0 ? _inputTypeStack[^1] : null;

    public GraphQLType? ParentInputType => _inputTypeStack.Count > 1 ? _inputTypeStack[^2] : null;

    public FieldDefinition? FieldDef => _fieldDefStack.Count > 0 ? _fieldDefStack[^1] : null;

    /// <summary>True when the current value position (argument or input field) has a default value.</summary>
    public bool HasDefaultValue => _defaultValueStack.Count > 0 && _defaultValueStack[^1];

    public DirectiveDefinition? Directive { get; private set; }

    public InputValueDefinition? Argument { get; private set; }

    /// <summary>The field of <paramref name="parentType"/> called <paramref name="name"/>, including the introspection meta-fields.</summary>
    public static FieldDefinition? GetFieldDefinition(GraphQLSchema schema, NamedType parentType, string name)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            if (name == "__typename" && parentType.IsCompositeType)
            {
                return IntrospectionTypes.TypeNameField;
            }

            if (ReferenceEquals(parentType, schema.QueryType))
            {
                if (name == "__schema")
                {
                    return IntrospectionTypes.SchemaField;
                }

                if (name == "__type")
                {
                    return IntrospectionTypes.TypeField;
                }
            }
        }

        return parentType is ComplexType complex ? complex.GetField(name) : null;
    }

    /// <summary>The field's coordinate in messages: <c>Type.field</c>, or <c>&lt;meta&gt;.__type</c> for a meta-field as graphql-js prints it.</summary>
    public static string Coordinate(FieldDefinition field) =>
        ReferenceEquals(field, IntrospectionTypes.SchemaField) || ReferenceEquals(field, IntrospectionTypes.TypeField)
            || ReferenceEquals(field, IntrospectionTypes.TypeNameField)
            ? "<meta>." + field.Name
            : field.ToString();

    /// <summary>The schema type a type reference names, or null when its named type is unknown (graphql-js <c>typeFromAST</c>).</summary>
    public static GraphQLType? TypeFromAst(GraphQLSchema schema, TypeNode node) => node switch
    {
        NamedTypeNode named => schema.GetNamedType(named.Name.Value),
        ListTypeNode list => TypeFromAst(schema, list.Type) is { } item ? new ListType(item) : null,
        NonNullTypeNode nonNull => TypeFromAst(schema, nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        _ => null,
    };

    public void Enter(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                var named = Type?.GetNamedType();
                _parentTypeStack.Add(named is { IsCompositeType: true } ? named : null);
                break;
            case FieldNode field:
                FieldDefinition? fieldDef = ParentType is { } parent ? GetFieldDefinition(Schema, parent, field.Name.Value) : null;
                _fieldDefStack.Add(fieldDef);
                _typeStack.Add(fieldDef?.Type is { IsOutputType: true } fieldType ? fieldType : null);
                break;
            case DirectiveNode directive:
                Directive = Schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _typeStack.Add(Schema.GetRootType(operation.Operation));
                break;
            case InlineFragmentNode inline:
                GraphQLType? inlineType = inline.TypeCondition is { } condition ? TypeFromAst(Schema, condition) : Type?.GetNamedType();
                _typeStack.Add(inlineType is { IsOutputType: true } ? inlineType : null);
                break;
            case FragmentDefinitionNode fragment:
                var fragmentType = TypeFromAst(Schema, fragment.TypeCondition);
                _typeStack.Add(fragmentType is { IsOutputType: true } ? fragmentType : null);
                break;
            case VariableDefinitionNode variable:
                var variableType = TypeFromAst(Schema, variable.Type);
                _inputTypeStack.Add(variableType is { IsInputType: true } ? variableType : null);
                break;
            case ArgumentNode argument:
                InputValueDefinition? argDef = Directive is { } directiveDef
                    ? directiveDef.GetArgument(argument.Name.Value)
                    : FieldDef?.GetArgument(argument.Name.Value);
                Argument = argDef;
                _defaultValueStack.Add(argDef?.HasDefaultValue ?? false);
                _inputTypeStack.Add(argDef?.Type is { IsInputType: true } argType ? argType : null);
                break;
            case ListValueNode:
                var listType = InputType?.NullableType as ListType;
                _defaultValueStack.Add(false);
                _inputTypeStack.Add(listType?.OfType);
                break;
            case ObjectFieldNode objectField:
                InputValueDefinition? inputField = InputType?.GetNamedType() is InputObjectType inputObject
                    ? inputObject.GetField(objectField.Name.Value)
                    : null;
                _defaultValueStack.Add(inputField?.HasDefaultValue ?? false);
                _inputTypeStack.Add(inputField?.Type is { IsInputType: true } fieldInputType ? fieldInputType : null);
                break;
        }
    }

    public void Leave(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                _parentTypeStack.RemoveAt(_parentTypeStack.Count - 1);
                break;
            case FieldNode:
                _fieldDefStack.RemoveAt(_fieldDefStack.Count - 1);
                _typeStack.RemoveAt(_typeStack.Count - 1);
                break;
            case DirectiveNode:
                Directive = null;
                break;
            case OperationDefinitionNode or InlineFragmentNode or FragmentDefinitionNode:
                _typeStack.RemoveAt(_typeStack.Count - 1);
                break;
            case VariableDefinitionNode:
                _inputTypeStack.RemoveAt(_inputTypeStack.Count - 1);
                break;
            case ArgumentNode:
                Argument = null;
                _defaultValueStack.RemoveAt(_defaultValueStack.Count - 1);
                _inputTypeStack.RemoveAt(_inputTypeStack.Count - 1);
                break;
            case ListValueNode or ObjectFieldNode:
                _defaultValueStack.RemoveAt(_defaultValueStack.Count - 1);
                _inputTypeStack.RemoveAt(_inputTypeStack.Count - 1);
                break;
        }
    }
}
