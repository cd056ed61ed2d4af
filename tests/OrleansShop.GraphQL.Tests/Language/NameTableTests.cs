using System.Text;
using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Tests.Language;

public sealed class NameTableTests
{
    [Fact]
    public void Equal_names_share_one_string_even_after_a_thread_parsed_thousands_of_distinct_names()
    {
        var many = new StringBuilder("{");
        for (var i = 0; i < 5000; i++)
        {
            many.Append(" f").Append(i);
        }

        Parser.Parse(many.Append(" }").ToString());

        var operation = (OperationDefinitionNode)Parser.Parse("{ product { id } other: product { id } }").Definitions[0];
        var first = (FieldNode)operation.SelectionSet.Selections[0];
        var second = (FieldNode)operation.SelectionSet.Selections[1];
        Assert.Same(first.Name.Value, second.Name.Value);
    }
}
