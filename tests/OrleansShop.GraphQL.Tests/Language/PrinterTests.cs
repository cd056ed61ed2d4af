using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Tests.Language;

/// <summary>The printer: graphql-js layout, and parse(print(ast)) == ast.</summary>
public sealed class PrinterTests
{
    public static TheoryData<string> CorpusFiles() => [.. Corpus.ValidFiles.Select(file => file.Name)];

    public static TheoryData<string> CorpusSnippets() => [.. Corpus.ValidSnippets];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Parsing_the_printed_corpus_file_gives_an_equal_tree(string fileName)
    {
        DocumentNode document = Parser.Parse(Corpus.Read(fileName));
        string printed = Printer.Print(document);
        SyntaxAssert.Equal(document, Parser.Parse(printed));
        Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
    }

    [Theory]
    [MemberData(nameof(CorpusSnippets))]
    public void Parsing_the_printed_snippet_gives_an_equal_tree(string source)
    {
        DocumentNode document = Parser.Parse(source);
        SyntaxAssert.Equal(document, Parser.Parse(Printer.Print(document)));
    }

    [Fact]
    public void Prints_the_query_shorthand_and_named_operations_with_two_space_indentation()
    {
        Assert.Equal("{\n  a {\n    b\n  }\n}", Printer.Print(Parser.Parse("{a{b}}")));
        Assert.Equal("query Q($x: Int = 1) @d {\n  a(x: $x)\n}", Printer.Print(Parser.Parse("query Q($x:Int=1)@d{a(x:$x)}")));
        Assert.Equal("query @d {\n  a\n}", Printer.Print(Parser.Parse("query @d { a }")));
        Assert.Equal("{\n  a\n}", Printer.Print(Parser.Parse("query { a }")));
    }

    [Fact]
    public void Argument_lists_longer_than_eighty_characters_go_one_per_line()
    {
        string printed = Printer.Print(Parser.Parse(
            "{ field(argumentNumberOne: \"value number one\", argumentNumberTwo: \"value number two\", three: 3) }"));
        Assert.Equal(
            "{\n  field(\n    argumentNumberOne: \"value number one\"\n    argumentNumberTwo: \"value number two\"\n    three: 3\n  )\n}",
            printed);
    }

    [Fact]
    public void Strings_print_with_escapes_and_block_strings_stay_block_strings()
    {
        Assert.Equal("\"tab\\there \\\"q\\\" \\\\ \\u0001 é 😀\"", Printer.Print(Parser.ParseValue("\"tab\\there \\\"q\\\" \\\\ \\u0001 é \\u{1F600}\"")));
        Assert.Equal("\"\"\"block\"\"\"", Printer.Print(Parser.ParseValue("\"\"\"block\"\"\"")));
        Assert.Equal("\"\"\"\ntwo\nlines\n\"\"\"", Printer.Print(Parser.ParseValue("\"\"\"\n  two\n  lines\n\"\"\"")));
    }

    [Fact]
    public void Nodes_built_in_code_print_too()
    {
        var field = new FieldNode
        {
            Alias = new NameNode("total"),
            Name = new NameNode("count"),
            Arguments = [new ArgumentNode { Name = new NameNode("where"), Value = new ObjectValueNode { Fields = [] } }],
        };
        var document = new DocumentNode
        {
            Definitions = [new OperationDefinitionNode { Operation = OperationType.Query, SelectionSet = new SelectionSetNode { Selections = [field] } }],
        };
        Assert.Equal("{\n  total: count(where: {  })\n}", Printer.Print(document));
        Assert.Equal("total: count(where: {  })", field.ToString());
    }
}
