using HotChocolate.Language;
using OrleansShop.Api.Limits;

namespace OrleansShop.Api.Tests;

public sealed class ExpandedSelectionsTests
{
    private static long Count(string document) => ExpandedSelections.Count(Utf8GraphQLParser.Parse(document));

    /// <summary>Fragment Fi spreads F(i+1) twice; the last one selects <c>email</c>.</summary>
    private static string FanOut(int levels) =>
        "{ me { ...F0 } } "
        + string.Concat(Enumerable.Range(0, levels).Select(i => $"fragment F{i} on Customer {{ ...F{i + 1} ...F{i + 1} }} "))
        + $"fragment F{levels} on Customer {{ email }}";

    [Fact]
    public void Fields_inline_fragments_and_nested_selections_are_each_counted_once()
    {
        Assert.Equal(5, Count("{ products(first: 2) { nodes { id name } } ... on Query { __typename } }"));
    }

    [Fact]
    public void A_fragment_counts_as_often_as_it_is_spread()
    {
        Assert.Equal(1 + 3 * 2, Count("{ me { ...C ...C ... on Customer { ...C } } } fragment C on Customer { id email }"));
    }

    [Theory]
    [InlineData(10, 1 + 1024)]
    [InlineData(40, 1 + 1_099_511_627_776)]
    public void A_fan_out_of_spreads_counts_every_path_without_walking_them(int levels, long expected)
    {
        Assert.Equal(expected, Count(FanOut(levels)));
    }

    [Fact]
    public void A_count_too_large_for_a_long_saturates_instead_of_wrapping()
    {
        Assert.Equal(long.MaxValue, Count(FanOut(70)));
    }

    [Fact]
    public void Fragment_cycles_and_unknown_fragments_add_nothing_and_end()
    {
        Assert.Equal(2, Count("{ me { ...A ...Missing } } fragment A on Customer { id ...B } fragment B on Customer { ...A }"));
    }

    [Fact]
    public void Every_operation_in_the_document_is_added_up()
    {
        Assert.Equal(3, Count("query A { __typename } query B { me { id } }"));
    }
}
