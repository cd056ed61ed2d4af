namespace OrleansShop.GraphQL.Language;

/// <summary>
/// The DirectiveLocations of the grammar (spec 3.13): where a directive may appear.
/// The source spelling is the SCREAMING_CASE name; <see cref="DirectiveLocations"/> converts.
/// </summary>
public enum DirectiveLocation
{
    // ExecutableDirectiveLocation
    Query,
    Mutation,
    Subscription,
    Field,
    FragmentDefinition,
    FragmentSpread,
    InlineFragment,
    VariableDefinition,

    // TypeSystemDirectiveLocation
    Schema,
    Scalar,
    Object,
    FieldDefinition,
    ArgumentDefinition,
    Interface,
    Union,
    Enum,
    EnumValue,
    InputObject,
    InputFieldDefinition,
}
