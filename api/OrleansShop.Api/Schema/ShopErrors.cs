namespace OrleansShop.Api.Schema;

/// <summary>GraphQL errors (not payload UserErrors) with the <c>extensions.code</c> clients switch on.</summary>
internal static class ShopErrors
{
    public const string NotFound = "NOT_FOUND";
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string RateLimited = "RATE_LIMITED";
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string InvalidCursor = "INVALID_CURSOR";

    public static GraphQLException Exception(string message, string code) =>
        new(ErrorBuilder.New().SetMessage(message).SetCode(code).Build());
}
