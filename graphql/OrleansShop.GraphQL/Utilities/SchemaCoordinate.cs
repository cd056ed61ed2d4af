using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.Utilities;

/// <summary>
/// Resolves schema coordinates against a schema (spec September 2025, "Schema Coordinates", Resolving a Schema
/// Coordinate; graphql-js <c>resolveSchemaCoordinate</c>), with graphql-js's messages.
/// </summary>
/// <remarks>
/// A coordinate whose last name is missing from the schema resolves to null; one whose containing element is missing
/// or of the wrong kind (the spec's assertions, e.g. <c>String.length</c> on a scalar) throws <see cref="ArgumentException"/>.
/// The spec leaves meta-fields and introspection types undefined; like graphql-js, <c>Query.__typename</c>,
/// <c>Query.__type(name:)</c> and <c>__Type.fields(includeDeprecated:)</c> resolve to what the engine uses for them.
/// </remarks>
public static class SchemaCoordinate
{
    /// <summary>Parses and resolves a coordinate; a syntax error throws <see cref="GraphQLSyntaxException"/>.</summary>
    public static ResolvedSchemaElement? Resolve(GraphQLSchema schema, string coordinate)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return Resolve(schema, Parser.ParseSchemaCoordinate(coordinate, new ParserOptions { NoLocation = true }));
    }

    /// <summary>Resolves a parsed coordinate (graphql-js <c>resolveASTSchemaCoordinate</c>).</summary>
    public static ResolvedSchemaElement? Resolve(GraphQLSchema schema, SchemaCoordinateNode coordinate)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(coordinate);
        return coordinate switch
        {
            TypeCoordinateNode type => ResolveType(schema, type),
            MemberCoordinateNode member => ResolveMember(schema, member),
            ArgumentCoordinateNode argument => ResolveArgument(schema, argument),
            DirectiveCoordinateNode directive => ResolveDirective(schema, directive),
            DirectiveArgumentCoordinateNode argument => ResolveDirectiveArgument(schema, argument),
            _ => throw new ArgumentException($"Unknown schema coordinate kind \"{coordinate.Kind}\".", nameof(coordinate)),
        };
    }

    // TypeCoordinate : Name
    private static ResolvedNamedType? ResolveType(GraphQLSchema schema, TypeCoordinateNode coordinate) =>
        schema.GetNamedType(coordinate.Name.Value) is { } type ? new ResolvedNamedType(type) : null;

    // MemberCoordinate : Name . Name
    private static ResolvedSchemaElement? ResolveMember(GraphQLSchema schema, MemberCoordinateNode coordinate)
    {
        string typeName = coordinate.Name.Value;
        string memberName = coordinate.MemberName.Value;
        switch (schema.GetNamedType(typeName))
        {
            case null:
                throw NotDefinedAsType(typeName);
            case EnumType enumType:
                return enumType.GetValue(memberName) is { } value ? new ResolvedEnumValue(enumType, value) : null;
            case InputObjectType inputType:
                return inputType.GetField(memberName) is { } inputField ? new ResolvedInputField(inputType, inputField) : null;
            case ComplexType complexType:
                return TypeInfo.GetFieldDefinition(schema, complexType, memberName) is { } field ? new ResolvedField(complexType, field) : null;
            default:
                throw new ArgumentException($"Expected \"{typeName}\" to be an Enum, Input Object, Object or Interface type.");
        }
    }

    // ArgumentCoordinate : Name . Name ( Name : )
    private static ResolvedFieldArgument? ResolveArgument(GraphQLSchema schema, ArgumentCoordinateNode coordinate)
    {
        string typeName = coordinate.Name.Value;
        string fieldName = coordinate.FieldName.Value;
        NamedType type = schema.GetNamedType(typeName) ?? throw NotDefinedAsType(typeName);
        if (type is not ComplexType complexType)
        {
            throw new ArgumentException($"Expected \"{typeName}\" to be an object type or interface type.");
        }

        FieldDefinition field = TypeInfo.GetFieldDefinition(schema, complexType, fieldName)
            ?? throw new ArgumentException($"Expected \"{fieldName}\" to exist as a field of type \"{typeName}\" in the schema.");
        return field.GetArgument(coordinate.ArgumentName.Value) is { } argument ? new ResolvedFieldArgument(complexType, field, argument) : null;
    }

    // DirectiveCoordinate : @ Name
    private static ResolvedDirective? ResolveDirective(GraphQLSchema schema, DirectiveCoordinateNode coordinate) =>
        schema.GetDirective(coordinate.Name.Value) is { } directive ? new ResolvedDirective(directive) : null;

    // DirectiveArgumentCoordinate : @ Name ( Name : )
    private static ResolvedDirectiveArgument? ResolveDirectiveArgument(GraphQLSchema schema, DirectiveArgumentCoordinateNode coordinate)
    {
        string directiveName = coordinate.Name.Value;
        DirectiveDefinition directive = schema.GetDirective(directiveName)
            ?? throw new ArgumentException($"Expected \"{directiveName}\" to be defined as a directive in the schema.");
        return directive.GetArgument(coordinate.ArgumentName.Value) is { } argument ? new ResolvedDirectiveArgument(directive, argument) : null;
    }

    private static ArgumentException NotDefinedAsType(string typeName) =>
        new($"Expected \"{typeName}\" to be defined as a type in the schema.");
}
