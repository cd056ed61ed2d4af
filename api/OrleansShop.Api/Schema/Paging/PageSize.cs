
namespace OrleansShop.Api.Schema;

/// <summary>How many items a connection field's <c>first</c> / <c>last</c> ask for, checked the same way for every list.</summary>
internal static class PageSize
{
    public const int Default = 20;
    public const int Max = 100;

    /// <summary>The checked sizes; <see cref="Default"/> items from the start when neither is given.</summary>
    public static (int? First, int? Last) Of(IResolverContext context)
    {
        var first = context.ArgumentValue<int?>("first");
        var last = context.OptionalArgument<int?>("last");
        if (first < 0 || last < 0)
        {
            throw ShopErrors.Exception("The arguments \"first\" and \"last\" must not be negative.", "INVALID_PAGING_ARGUMENT");
        }

        if (first > Max || last > Max)
        {
            throw ShopErrors.Exception($"A page holds at most {Max} items.", "PAGE_SIZE_EXCEEDED");
        }

        return (first ?? (last is null ? Default : null), last);
    }
}
