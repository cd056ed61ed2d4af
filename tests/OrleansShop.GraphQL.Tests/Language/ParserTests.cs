using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Tests.Language;

/// <summary>Spec chapter 2 (and the type system grammar of chapter 3): what the parser builds.</summary>
public sealed class ParserTests
{
    [Fact]
    public void Query_shorthand_is_an_anonymous_query()
    {
        DocumentNode document = Parser.Parse("{ hero { name } }");
        OperationDefinitionNode operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Null(operation.Name);
        FieldNode hero = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("hero", hero.Name.Value);
        Assert.Equal("name", Assert.IsType<FieldNode>(Assert.Single(hero.SelectionSet!.Selections)).Name.Value);
    }

    [Fact]
    public void Operation_with_variables_directives_aliases_and_arguments()
    {
        var operation = (OperationDefinitionNode)Parser.Parse(
            "mutation Like($storyID: ID! = \"1\" @track, $n: [Int!]) @log { likeStory(storyID: $storyID) { story { likeCount: likes } } }")
            .Definitions[0];

        Assert.Equal(OperationType.Mutation, operation.Operation);
        Assert.Equal("Like", operation.Name!.Value);
        Assert.Equal(2, operation.VariableDefinitions.Count);
        VariableDefinitionNode storyId = operation.VariableDefinitions[0];
        Assert.Equal("storyID", storyId.Variable.Name.Value);
        Assert.Equal("ID", ((NamedTypeNode)((NonNullTypeNode)storyId.Type).Type).Name.Value);
        Assert.Equal("1", ((StringValueNode)storyId.DefaultValue!).Value);
        Assert.Equal("track", Assert.Single(storyId.Directives).Name.Value);
        Assert.IsType<ListTypeNode>(operation.VariableDefinitions[1].Type);
        Assert.Equal("log", Assert.Single(operation.Directives).Name.Value);

        var likeStory = (FieldNode)operation.SelectionSet.Selections[0];
        ArgumentNode argument = Assert.Single(likeStory.Arguments);
        Assert.Equal("storyID", ((VariableNode)argument.Value).Name.Value);
        var likes = (FieldNode)((FieldNode)likeStory.SelectionSet!.Selections[0]).SelectionSet!.Selections[0];
        Assert.Equal("likeCount", likes.Alias!.Value);
        Assert.Equal("likes", likes.Name.Value);
        Assert.Equal("likeCount", likes.ResponseKey);
    }

    [Fact]
    public void Descriptions_on_operations_fragments_and_variables_per_the_2025_edition()
    {
        DocumentNode document = Parser.Parse("\"op\" query Q(\"var\" $a: Int) { a } \"\"\"frag\"\"\" fragment F on T { a }");
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("op", operation.Description!.Value);
        Assert.Equal("var", operation.VariableDefinitions[0].Description!.Value);
        var fragment = (FragmentDefinitionNode)document.Definitions[1];
        Assert.Equal("frag", fragment.Description!.Value);
        Assert.True(fragment.Description.Block);
    }

    [Fact]
    public void Fragments_spreads_and_inline_fragments()
    {
        DocumentNode document = Parser.Parse("{ ...F @d ... on User { id } ... @include(if: $x) { name } } fragment F on User { id }");
        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        var spread = Assert.IsType<FragmentSpreadNode>(selections[0]);
        Assert.Equal("F", spread.Name.Value);
        Assert.Equal("d", Assert.Single(spread.Directives).Name.Value);
        Assert.Equal("User", Assert.IsType<InlineFragmentNode>(selections[1]).TypeCondition!.Name.Value);
        Assert.Null(Assert.IsType<InlineFragmentNode>(selections[2]).TypeCondition);
        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
        Assert.Equal(("F", "User"), (fragment.Name.Value, fragment.TypeCondition.Name.Value));
    }

    [Fact]
    public void Every_value_kind()
    {
        var value = (ObjectValueNode)Parser.ParseValue(
            "{ i: -1, f: 1.5e3, s: \"x\", b: \"\"\"y\"\"\", t: true, n: null, e: RED, l: [1, [2]], v: $var, o: {} }");
        Dictionary<string, ValueNode> fields = value.Fields.ToDictionary(f => f.Name.Value, f => f.Value);
        Assert.Equal("-1", ((IntValueNode)fields["i"]).Value);
        Assert.Equal("1.5e3", ((FloatValueNode)fields["f"]).Value);
        Assert.False(((StringValueNode)fields["s"]).Block);
        Assert.True(((StringValueNode)fields["b"]).Block);
        Assert.True(((BooleanValueNode)fields["t"]).Value);
        Assert.IsType<NullValueNode>(fields["n"]);
        Assert.Equal("RED", ((EnumValueNode)fields["e"]).Value);
        Assert.IsType<ListValueNode>(((ListValueNode)fields["l"]).Values[1]);
        Assert.Equal("var", ((VariableNode)fields["v"]).Name.Value);
        Assert.Empty(((ObjectValueNode)fields["o"]).Fields);
    }

    [Fact]
    public void Constant_values_refuse_variables()
    {
        GraphQLSyntaxException error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseConstValue("[1, $x]"));
        Assert.Equal("Syntax Error: Unexpected variable \"$x\" in constant value.", error.Message);
        Assert.Equal((1, 5), (error.Line, error.Column));
    }

    [Fact]
    public void Type_references_nest_lists_and_non_null()
    {
        var type = (NonNullTypeNode)Parser.ParseType("[[String!]]!");
        var outer = (ListTypeNode)type.Type;
        var inner = (ListTypeNode)outer.Type;
        Assert.Equal("String", ((NamedTypeNode)((NonNullTypeNode)inner.Type).Type).Name.Value);
        Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseType("String!!"));
    }

    [Fact]
    public void Keywords_are_ordinary_names_where_a_name_is_expected()
    {
        var field = (FieldNode)((OperationDefinitionNode)Parser.Parse("{ query: fragment(on: type, null: true) }").Definitions[0]).SelectionSet.Selections[0];
        Assert.Equal(("query", "fragment"), (field.Alias!.Value, field.Name.Value));
        Assert.Equal("type", ((EnumValueNode)field.Arguments[0].Value).Value);
    }

    [Fact]
    public void Type_system_definitions_and_extensions_parse_into_their_nodes()
    {
        DocumentNode document = Parser.Parse(Corpus.Read("schema-kitchen-sink.graphql"));
        Assert.Equal(
            [SyntaxKind.SchemaDefinition, SyntaxKind.ScalarTypeDefinition, SyntaxKind.ScalarTypeDefinition, SyntaxKind.InterfaceTypeDefinition,
             SyntaxKind.InterfaceTypeDefinition, SyntaxKind.InterfaceTypeDefinition, SyntaxKind.ObjectTypeDefinition, SyntaxKind.ObjectTypeDefinition,
             SyntaxKind.ObjectTypeDefinition, SyntaxKind.ObjectTypeDefinition, SyntaxKind.UnionTypeDefinition, SyntaxKind.UnionTypeDefinition,
             SyntaxKind.EnumTypeDefinition, SyntaxKind.EnumTypeDefinition, SyntaxKind.InputObjectTypeDefinition, SyntaxKind.InputObjectTypeDefinition,
             SyntaxKind.DirectiveDefinition, SyntaxKind.DirectiveDefinition, SyntaxKind.DirectiveDefinition, SyntaxKind.DirectiveDefinition,
             SyntaxKind.SchemaExtension, SyntaxKind.SchemaExtension, SyntaxKind.ScalarTypeExtension, SyntaxKind.ObjectTypeExtension,
             SyntaxKind.ObjectTypeExtension, SyntaxKind.InterfaceTypeExtension, SyntaxKind.InterfaceTypeExtension, SyntaxKind.UnionTypeExtension,
             SyntaxKind.UnionTypeExtension, SyntaxKind.EnumTypeExtension, SyntaxKind.EnumTypeExtension, SyntaxKind.InputObjectTypeExtension,
             SyntaxKind.InputObjectTypeExtension],
            document.Definitions.Select(d => d.Kind));

        var physical = (ObjectTypeDefinitionNode)document.Definitions[6];
        Assert.Equal(["Node", "Product", "Priced"], physical.Interfaces.Select(i => i.Name.Value));
        FieldDefinitionNode weight = physical.Fields.Single(f => f.Name.Value == "weight");
        Assert.Equal("KILOGRAM", ((EnumValueNode)weight.Arguments[0].DefaultValue!).Value);
        Assert.Equal("deprecated", Assert.Single(weight.Arguments[1].Directives).Name.Value);

        var live = (DirectiveDefinitionNode)document.Definitions[17];
        Assert.True(live.Repeatable);
        Assert.Equal(["QUERY", "SUBSCRIPTION"], live.Locations.Select(l => l.Value));

        var union = (UnionTypeDefinitionNode)document.Definitions[10];
        Assert.Equal(["Physical", "Digital", "Bundle"], union.Types.Select(t => t.Name.Value));
        Assert.Equal("Use `mass`.", ((StringValueNode)weight.Directives[0].Arguments[0].Value).Value);
    }

    [Fact]
    public void Locations_give_byte_offsets_lines_and_columns_of_each_node()
    {
        DocumentNode document = Parser.Parse("query Q {\n  a\n  b(x: 1)\n}");
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal(new Location(0, 25, 1, 1), operation.Location);
        var b = (FieldNode)operation.SelectionSet.Selections[1];
        Assert.Equal(new Location(16, 23, 3, 3), b.Location);
        Assert.Equal(new Location(18, 22, 3, 5), b.Arguments[0].Location);
        Assert.Equal(11, document.TokenCount); // as graphql-js counts them
        Assert.Null(((OperationDefinitionNode)Parser.Parse("{ a }", new ParserOptions { NoLocation = true }).Definitions[0]).Location);
    }

    [Theory]
    [InlineData("", "Unexpected <EOF>.", 1, 1)]
    [InlineData("{", "Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ }", "Expected Name, found \"}\".", 1, 3)]
    [InlineData("query Q {\n  a(b: )\n}", "Unexpected \")\".", 2, 8)]
    [InlineData("fragment on on T { a }", "Unexpected Name \"on\".", 1, 10)]
    [InlineData("notAnOperation Foo { field }", "Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("\"d\" { a }", "Unexpected description, descriptions are not supported on shorthand queries.", 1, 1)]
    [InlineData("\"d\" extend type T @a", "Unexpected description, only GraphQL definitions support descriptions.", 1, 1)]
    [InlineData("enum E { null }", "Name \"null\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("directive @d on NOWHERE", "Unexpected Name \"NOWHERE\".", 1, 17)]
    [InlineData("extend type T", "Unexpected <EOF>.", 1, 14)]
    [InlineData("type T implements { a: Int }", "Expected Name, found \"{\".", 1, 19)]
    [InlineData("{ a(b: \"x\" c: ) }", "Unexpected \")\".", 1, 15)]
    [InlineData("query Q($a: Int = 1) @d(x: \"é\") { a } ]", "Unexpected \"]\".", 1, 39)]
    public void Syntax_errors_name_what_was_expected_and_where(string source, string description, int line, int column)
    {
        GraphQLSyntaxException error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));
        Assert.Equal("Syntax Error: " + description, error.Message);
        Assert.Equal(description, error.Description);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Parsing_utf8_bytes_and_a_string_give_the_same_tree()
    {
        string source = Corpus.Read("kitchen-sink.graphql");
        SyntaxAssert.Equal(Parser.Parse(source), Parser.Parse(System.Text.Encoding.UTF8.GetBytes(source)));
    }

    [Fact]
    public void Equal_names_share_one_string()
    {
        var operation = (OperationDefinitionNode)Parser.Parse("{ product { id } other: product { id } }").Definitions[0];
        var first = (FieldNode)operation.SelectionSet.Selections[0];
        var second = (FieldNode)operation.SelectionSet.Selections[1];
        Assert.Same(first.Name.Value, second.Name.Value);
    }

    [Fact]
    public void A_lone_surrogate_in_a_string_source_is_an_invalid_character()
    {
        GraphQLSyntaxException error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a(b: \"\uD800\") }"));
        Assert.Equal("Syntax Error: Invalid character: U+D800.", error.Message);
    }
}
