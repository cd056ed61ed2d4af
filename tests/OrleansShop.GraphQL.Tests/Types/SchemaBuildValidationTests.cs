using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Tests.Types;

public sealed class SchemaBuildValidationTests
{
    private static SchemaException Fails(string sdl) => Assert.Throws<SchemaException>(() => SchemaBuilder.FromSdl(sdl).Create());

    [Fact]
    public void Missing_interface_field_names_the_interface_and_the_type()
    {
        var error = Fails("type Query { a: A } interface Node { id: ID! } type A implements Node { name: String }");
        Assert.Contains("Interface field Node.id expected but A does not provide it.", error.Errors);
    }

    [Fact]
    public void Interface_field_of_an_incompatible_type_is_refused()
    {
        var error = Fails("type Query { a: A } interface Node { id: ID! } type A implements Node { id: String }");
        Assert.Contains("Interface field Node.id expects type ID! but A.id is type String.", error.Errors);
    }

    [Fact]
    public void Interfaces_implemented_transitively_must_be_declared()
    {
        var error = Fails("type Query { a: A } interface Node { id: ID! } interface Named implements Node { id: ID! name: String } type A implements Named { id: ID! name: String }");
        Assert.Contains("Type A must implement Node because it is implemented by Named.", error.Errors);
    }

    [Fact]
    public void Unknown_type_reference_names_the_field()
    {
        var error = Fails("type Query { a: Missing }");
        Assert.Contains("Unknown type \"Missing\" referenced by field \"Query.a\".", error.Errors);
    }

    [Fact]
    public void OneOf_fields_must_be_nullable_without_defaults()
    {
        var error = Fails("type Query { a(by: By): Int } input By @oneOf { id: ID! name: String = \"x\" }");
        Assert.Contains("OneOf input field By.id must be nullable.", error.Errors);
        Assert.Contains("OneOf input field By.name cannot have a default value.", error.Errors);
    }

    [Fact]
    public void Required_arguments_cannot_be_deprecated()
    {
        var error = Fails("type Query { a(id: ID! @deprecated): Int }");
        Assert.Contains("Required argument Query.a(id:) cannot be deprecated.", error.Errors);
    }

    [Fact]
    public void Non_null_input_cycles_are_refused()
    {
        var error = Fails("type Query { a(x: A): Int } input A { b: B! } input B { a: A! }");
        Assert.Contains(error.Errors, e => e.StartsWith("Cannot reference Input Object \"A\" within itself", StringComparison.Ordinal));
    }

    [Fact]
    public void Output_type_as_argument_type_is_refused()
    {
        var error = Fails("type Query { a(x: Query): Int }");
        Assert.Contains("The type of Query.a(x:) must be Input Type but got: Query.", error.Errors);
    }

    [Fact]
    public void Empty_object_types_and_missing_query_root_are_reported_together()
    {
        var error = Assert.Throws<SchemaException>(() => SchemaBuilder.New().AddObjectType("Empty", _ => { }).Create());
        Assert.Contains("Query root type must be provided.", error.Errors);
    }

    [Fact]
    public void Invalid_default_value_is_reported_at_build_time()
    {
        var error = Fails("type Query { a(x: Int = \"ten\"): Int }");
        Assert.Contains(error.Errors, e => e.StartsWith("The default value of \"Query.a(x:)\" is invalid", StringComparison.Ordinal));
    }

    [Fact]
    public void Code_first_types_infer_nullability_from_annotations()
    {
        var schema = SchemaBuilder.New()
            .AddQueryType(q => q.Field("book").Type("Book").Resolve(_ => new Book("Dune", null, [])))
            .AddObjectType<Book>()
            .Create();

        var book = schema.GetNamedType<ObjectType>("Book")!;
        Assert.Equal("String!", book.GetField("title")!.Type.ToString());
        Assert.Equal("String", book.GetField("subtitle")!.Type.ToString());
        Assert.Equal("[Int!]!", book.GetField("ratings")!.Type.ToString());
    }

    private sealed record Book(string Title, string? Subtitle, IReadOnlyList<int> Ratings);
}
