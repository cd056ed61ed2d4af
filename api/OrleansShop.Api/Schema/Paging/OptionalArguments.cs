namespace OrleansShop.Api.Schema;

internal static class OptionalArguments
{
    /// <summary>
    /// The argument's value, or the default when this field does not declare it: one paging helper serves connections
    /// with first/after only (reviews, customers) and those with last/before too.
    /// </summary>
    public static T? OptionalArgument<T>(this IResolverContext context, string name) =>
        context.Selection.Field.Arguments.ContainsField(name) ? context.ArgumentValue<T>(name) : default;
}
