using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;
using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Tests.Types;

/// <summary>
/// Spec September 2025, "Schema Coordinates", Resolving a Schema Coordinate, on the spec's example schema plus an
/// interface, a union and a scalar. Messages are graphql-js 17.1.0 <c>resolveSchemaCoordinate</c>'s.
/// </summary>
public sealed class SchemaCoordinateResolutionTests
{
    private static readonly GraphQLSchema Schema = SchemaBuilder.FromSdl("""
        type Query {
          searchBusiness(criteria: SearchCriteria!): [Business]
          node(id: ID!): Node
          result: SearchResult
          at: Instant
        }

        input SearchCriteria {
          name: String
          filter: SearchFilter
        }

        enum SearchFilter {
          OPEN_NOW
          DELIVERS_TAKEOUT
          VEGETARIAN_MENU
        }

        interface Node {
          id: ID!
          label(locale: String): String
        }

        type Business implements Node {
          id: ID!
          label(locale: String): String
          name: String
          email: String @private(scope: "loggedIn")
        }

        union SearchResult = Business

        scalar Instant

        directive @private(scope: String!) on FIELD_DEFINITION
        """).Create();

    [Fact]
    public void A_type_coordinate_resolves_to_the_named_type_defined_or_built_in()
    {
        Assert.Equal(new ResolvedNamedType(Schema.GetNamedType("Business")!), SchemaCoordinate.Resolve(Schema, "Business"));
        Assert.Equal(new ResolvedNamedType(Schema.GetNamedType("String")!), SchemaCoordinate.Resolve(Schema, "String"));
        Assert.Equal(new ResolvedNamedType(Schema.GetNamedType("SearchResult")!), SchemaCoordinate.Resolve(Schema, "SearchResult"));
    }

    [Fact]
    public void A_type_coordinate_naming_no_type_resolves_to_null()
    {
        Assert.Null(SchemaCoordinate.Resolve(Schema, "Unknown"));
        Assert.Null(SchemaCoordinate.Resolve(Schema, "private"));
    }

    [Fact]
    public void A_member_of_an_object_or_interface_type_is_a_field()
    {
        var business = Schema.GetNamedType<ObjectType>("Business")!;
        Assert.Equal(new ResolvedField(business, business.GetField("name")!), SchemaCoordinate.Resolve(Schema, "Business.name"));
        var node = Schema.GetNamedType<InterfaceType>("Node")!;
        Assert.Equal(new ResolvedField(node, node.GetField("id")!), SchemaCoordinate.Resolve(Schema, "Node.id"));
        Assert.Null(SchemaCoordinate.Resolve(Schema, "Business.unknown"));
    }

    [Fact]
    public void A_member_of_an_input_object_type_is_an_input_field()
    {
        var criteria = Schema.GetNamedType<InputObjectType>("SearchCriteria")!;
        Assert.Equal(new ResolvedInputField(criteria, criteria.GetField("filter")!), SchemaCoordinate.Resolve(Schema, "SearchCriteria.filter"));
        Assert.Null(SchemaCoordinate.Resolve(Schema, "SearchCriteria.unknown"));
    }

    [Fact]
    public void A_member_of_an_enum_type_is_an_enum_value()
    {
        var filter = Schema.GetNamedType<EnumType>("SearchFilter")!;
        Assert.Equal(new ResolvedEnumValue(filter, filter.GetValue("OPEN_NOW")!), SchemaCoordinate.Resolve(Schema, "SearchFilter.OPEN_NOW"));
        Assert.Null(SchemaCoordinate.Resolve(Schema, "SearchFilter.CLOSED"));
    }

    [Theory]
    [InlineData("Unknown.field", "Expected \"Unknown\" to be defined as a type in the schema.")]
    [InlineData("String.length", "Expected \"String\" to be an Enum, Input Object, Object or Interface type.")]
    [InlineData("Instant.epoch", "Expected \"Instant\" to be an Enum, Input Object, Object or Interface type.")]
    [InlineData("SearchResult.name", "Expected \"SearchResult\" to be an Enum, Input Object, Object or Interface type.")]
    public void A_member_of_a_missing_type_or_of_a_scalar_or_union_throws(string coordinate, string message)
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => SchemaCoordinate.Resolve(Schema, coordinate));
        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void An_argument_coordinate_resolves_to_the_field_argument()
    {
        var query = Schema.QueryType;
        FieldDefinition search = query.GetField("searchBusiness")!;
        Assert.Equal(
            new ResolvedFieldArgument(query, search, search.GetArgument("criteria")!),
            SchemaCoordinate.Resolve(Schema, "Query.searchBusiness(criteria:)"));
        var node = Schema.GetNamedType<InterfaceType>("Node")!;
        FieldDefinition label = node.GetField("label")!;
        Assert.Equal(new ResolvedFieldArgument(node, label, label.GetArgument("locale")!), SchemaCoordinate.Resolve(Schema, "Node.label(locale:)"));
        Assert.Null(SchemaCoordinate.Resolve(Schema, "Query.searchBusiness(unknown:)"));
    }

    [Theory]
    [InlineData("Unknown.field(arg:)", "Expected \"Unknown\" to be defined as a type in the schema.")]
    [InlineData("SearchCriteria.name(arg:)", "Expected \"SearchCriteria\" to be an object type or interface type.")]
    [InlineData("SearchFilter.OPEN_NOW(arg:)", "Expected \"SearchFilter\" to be an object type or interface type.")]
    [InlineData("Instant.epoch(arg:)", "Expected \"Instant\" to be an object type or interface type.")]
    [InlineData("Business.unknown(arg:)", "Expected \"unknown\" to exist as a field of type \"Business\" in the schema.")]
    public void An_argument_of_a_missing_field_or_of_a_type_without_fields_throws(string coordinate, string message)
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => SchemaCoordinate.Resolve(Schema, coordinate));
        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void A_directive_coordinate_resolves_to_the_directive_defined_or_built_in()
    {
        Assert.Equal(new ResolvedDirective(Schema.GetDirective("private")!), SchemaCoordinate.Resolve(Schema, "@private"));
        Assert.Equal(new ResolvedDirective(Schema.GetDirective("deprecated")!), SchemaCoordinate.Resolve(Schema, "@deprecated"));
        Assert.Null(SchemaCoordinate.Resolve(Schema, "@unknown"));
        Assert.Null(SchemaCoordinate.Resolve(Schema, "@Business"));
    }

    [Fact]
    public void A_directive_argument_coordinate_resolves_to_the_directive_argument()
    {
        DirectiveDefinition @private = Schema.GetDirective("private")!;
        Assert.Equal(new ResolvedDirectiveArgument(@private, @private.GetArgument("scope")!), SchemaCoordinate.Resolve(Schema, "@private(scope:)"));
        DirectiveDefinition deprecated = Schema.GetDirective("deprecated")!;
        Assert.Equal(
            new ResolvedDirectiveArgument(deprecated, deprecated.GetArgument("reason")!),
            SchemaCoordinate.Resolve(Schema, "@deprecated(reason:)"));
        Assert.Null(SchemaCoordinate.Resolve(Schema, "@private(unknown:)"));
    }

    [Fact]
    public void An_argument_of_a_missing_directive_throws()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => SchemaCoordinate.Resolve(Schema, "@unknown(arg:)"));
        Assert.Equal("Expected \"unknown\" to be defined as a directive in the schema.", exception.Message);
    }

    [Fact]
    public void Introspection_types_and_meta_fields_resolve_as_in_graphql_js()
    {
        // The specification leaves these undefined (they are not schema elements); graphql-js resolves them.
        var typeType = Schema.GetNamedType<ObjectType>("__Type")!;
        FieldDefinition fields = typeType.GetField("fields")!;
        Assert.Equal(
            new ResolvedFieldArgument(typeType, fields, fields.GetArgument("includeDeprecated")!),
            SchemaCoordinate.Resolve(Schema, "__Type.fields(includeDeprecated:)"));

        var business = Assert.IsType<ResolvedField>(SchemaCoordinate.Resolve(Schema, "Business.__typename"));
        Assert.Equal("__typename", business.Field.Name);
        var type = Assert.IsType<ResolvedFieldArgument>(SchemaCoordinate.Resolve(Schema, "Query.__type(name:)"));
        Assert.Equal("name", type.FieldArgument.Name);
        Assert.IsType<ResolvedField>(SchemaCoordinate.Resolve(Schema, "Query.__schema"));
        Assert.Null(SchemaCoordinate.Resolve(Schema, "Business.__schema"));
    }

    [Fact]
    public void A_parsed_coordinate_resolves_like_its_text()
    {
        SchemaCoordinateNode coordinate = Parser.ParseSchemaCoordinate("SearchFilter.VEGETARIAN_MENU");
        Assert.Equal(SchemaCoordinate.Resolve(Schema, "SearchFilter.VEGETARIAN_MENU"), SchemaCoordinate.Resolve(Schema, coordinate));
    }

    [Fact]
    public void A_coordinate_with_a_syntax_error_throws_the_syntax_error()
    {
        GraphQLSyntaxException exception = Assert.Throws<GraphQLSyntaxException>(() => SchemaCoordinate.Resolve(Schema, "Business. name"));
        Assert.Equal("Syntax Error: Invalid character: \" \".", exception.Message);
    }

    [Fact]
    public void Every_field_and_argument_of_the_schema_is_found_again_from_its_printed_coordinate()
    {
        foreach (NamedType type in Schema.Types)
        {
            Assert.Equal(new ResolvedNamedType(type), SchemaCoordinate.Resolve(Schema, type.Name));
            if (type is not ComplexType complex)
            {
                continue;
            }

            foreach (FieldDefinition field in complex.Fields)
            {
                Assert.Equal(new ResolvedField(complex, field), SchemaCoordinate.Resolve(Schema, $"{type.Name}.{field.Name}"));
                foreach (InputValueDefinition argument in field.Arguments)
                {
                    Assert.Equal(
                        new ResolvedFieldArgument(complex, field, argument),
                        SchemaCoordinate.Resolve(Schema, $"{type.Name}.{field.Name}({argument.Name}:)"));
                }
            }
        }
    }
}
