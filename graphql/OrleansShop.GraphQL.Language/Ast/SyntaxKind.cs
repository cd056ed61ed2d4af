namespace OrleansShop.GraphQL.Language;

/// <summary>The kind of an AST node, one per grammar production that has a node (graphql-js <c>Kind</c>).</summary>
public enum SyntaxKind
{
    Name,

    // Documents
    Document,
    OperationDefinition,
    VariableDefinition,
    SelectionSet,
    Field,
    Argument,

    // Fragments
    FragmentSpread,
    InlineFragment,
    FragmentDefinition,

    // Values
    Variable,
    IntValue,
    FloatValue,
    StringValue,
    BooleanValue,
    NullValue,
    EnumValue,
    ListValue,
    ObjectValue,
    ObjectField,

    // Directives
    Directive,

    // Type references
    NamedType,
    ListType,
    NonNullType,

    // Type system definitions
    SchemaDefinition,
    OperationTypeDefinition,
    ScalarTypeDefinition,
    ObjectTypeDefinition,
    FieldDefinition,
    InputValueDefinition,
    InterfaceTypeDefinition,
    UnionTypeDefinition,
    EnumTypeDefinition,
    EnumValueDefinition,
    InputObjectTypeDefinition,
    DirectiveDefinition,

    // Type system extensions
    SchemaExtension,
    ScalarTypeExtension,
    ObjectTypeExtension,
    InterfaceTypeExtension,
    UnionTypeExtension,
    EnumTypeExtension,
    InputObjectTypeExtension,

    // Schema coordinates
    TypeCoordinate,
    MemberCoordinate,
    ArgumentCoordinate,
    DirectiveCoordinate,
    DirectiveArgumentCoordinate,
}
