using System.Text;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.Tests.Validation;

/// <summary>
/// A long chain of fragments, each spreading the next, fits in the parser's token limit yet would recurse once per
/// fragment: validation and cost analysis must refuse or finish, never overflow the stack and take the process down.
/// </summary>
public sealed class DeepFragmentChainTests
{
    private static DocumentNode Chain(int length, string leaf = "name")
    {
        var builder = new StringBuilder("{ dog { ...F0 } }\n");
        for (int i = 0; i < length; i++)
        {
            builder.Append("fragment F").Append(i).Append(" on Dog { ...F").Append(i + 1).Append(" }\n");
        }

        builder.Append("fragment F").Append(length).Append(" on Dog { ").Append(leaf).Append(" }");
        return Parser.Parse(builder.ToString(), new ParserOptions { MaxTokens = 10_000_000, MaxDocumentBytes = 64 * 1024 * 1024 });
    }

    [Fact]
    public void A_chain_of_ten_thousand_fragments_is_validated_without_overflowing_the_stack()
    {
        var result = RunOnSmallStack(() => DocumentValidator.Validate(ValidationHarness.Pets, Chain(10_000)));
        Assert.True(result.IsValid || result.Errors.All(e => e.Code == "DOCUMENT_TOO_COMPLEX"), string.Join("\n", result.Errors));
    }

    [Fact]
    public void A_chain_of_two_hundred_thousand_fragments_is_refused_rather_than_crashing()
    {
        var result = RunOnSmallStack(() => DocumentValidator.Validate(ValidationHarness.Pets, Chain(200_000), ValidationOptions.SpecificationOnly));
        var error = Assert.Single(result.Errors);
        Assert.Equal("DOCUMENT_TOO_COMPLEX", error.Code);
        Assert.Equal("The document nests fragments too deeply to be analyzed.", error.Message);
    }

    [Fact]
    public void The_cost_of_a_deep_fragment_chain_is_computed_or_refused_without_crashing()
    {
        var document = Chain(200_000, "mother { name }");
        var result = RunOnSmallStack(() => CostAnalyzer.Analyze(ValidationHarness.Pets, document));
        Assert.True(result.IsAllowed || result.Error!.Code == "MAX_COST_EXCEEDED" || result.Error.Code == "DOCUMENT_TOO_COMPLEX", result.Error?.Message);
    }

    /// <summary>Runs on a thread with a 1 MiB stack, the smallest a server thread is likely to have.</summary>
    private static T RunOnSmallStack<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = action();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        }, maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("The action failed.", failure);
        }

        return result;
    }
}
