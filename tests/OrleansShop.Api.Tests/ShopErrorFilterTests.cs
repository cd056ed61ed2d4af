using HotChocolate;
using OrleansShop.Api.Schema;

namespace OrleansShop.Api.Tests;

public sealed class ShopErrorFilterTests
{
    private static IError Unexpected() => ErrorBuilder.FromException(new InvalidOperationException("connection string Password=hunter2 refused"))
        .SetMessage("connection string Password=hunter2 refused")
        .SetExtension("stackTrace", "   at Secret.Place()")
        .Build();

    [Fact]
    public void Outside_Development_an_unexpected_exception_leaves_only_a_generic_message_and_a_code()
    {
        var error = new ShopErrorFilter(includeExceptionDetails: false).OnError(Unexpected());

        Assert.Equal("Unexpected Execution Error", error.Message);
        Assert.Equal(ShopErrorFilter.UnexpectedError, error.Code);
        Assert.Null(error.Exception);
        Assert.False(error.Extensions?.ContainsKey("stackTrace") ?? false);
        Assert.DoesNotContain("hunter2", string.Join(" ", error.Extensions?.Values ?? []), StringComparison.Ordinal);
    }

    [Fact]
    public void In_Development_the_exception_stays_for_the_developer_with_a_code()
    {
        var error = new ShopErrorFilter(includeExceptionDetails: true).OnError(Unexpected());

        Assert.Contains("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Equal(ShopErrorFilter.UnexpectedError, error.Code);
    }

    [Theory]
    [InlineData("AUTH_NOT_AUTHENTICATED", "UNAUTHENTICATED")]
    [InlineData("AUTH_NOT_AUTHORIZED", "FORBIDDEN")]
    [InlineData("NOT_FOUND", "NOT_FOUND")]
    public void Authorization_codes_become_the_contracts_and_ours_stay(string code, string expected)
    {
        var error = new ShopErrorFilter(includeExceptionDetails: false).OnError(ErrorBuilder.New().SetMessage("refused").SetCode(code).Build());

        Assert.Equal(expected, error.Code);
        Assert.Equal("refused", error.Message);
    }

    [Fact]
    public void A_refusal_HotChocolate_raised_on_purpose_carries_no_exception_even_in_Development()
    {
        var refusal = ErrorBuilder.FromException(new InvalidOperationException("Invalid JSON document."))
            .SetMessage("Invalid JSON document.")
            .SetCode("HC0012")
            .SetExtension("exception", new Dictionary<string, object?> { ["stackTrace"] = "   at Parser.Parse()" })
            .Build();

        var error = new ShopErrorFilter(includeExceptionDetails: true).OnError(refusal);

        Assert.Equal("Invalid JSON document.", error.Message);
        Assert.Equal("HC0012", error.Code);
        Assert.Null(error.Exception);
        Assert.False(error.Extensions?.ContainsKey("exception") ?? false);
    }

    [Fact]
    public void A_message_longer_than_the_limit_is_cut_and_marked()
    {
        var names = string.Join(", ", Enumerable.Range(0, 5_000).Select(i => "v" + i));
        var error = new ShopErrorFilter(includeExceptionDetails: false).OnError(
            ErrorBuilder.New().SetMessage("The following variables were not used: " + names).SetCode("HC0015").Build());

        Assert.Equal(ShopErrorFilter.MaxMessageLength + 1, error.Message.Length);
        Assert.StartsWith("The following variables were not used: v0, v1", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("…", error.Message, StringComparison.Ordinal);
    }
}
