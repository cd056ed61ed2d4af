using System.Text.Json;
using OrleansShop.GraphQL.Tests.Language;

namespace OrleansShop.GraphQL.Tests.Validation;

/// <summary>Runs tests/js/validate.mjs (graphql-js <c>buildSchema</c> + <c>parse</c> + <c>validate</c>).</summary>
internal static class ValidationOracle
{
    public sealed record Location(int Line, int Column);

    public sealed record Error(string Message, IReadOnlyList<Location> Locations);

    public sealed record Result(string? ParseError, IReadOnlyList<Error> Errors);

    public static IReadOnlyList<Result> Validate(string sdl, IReadOnlyList<string> documents)
    {
        List<Result> results = GraphQLJsOracle.RunScript<List<Result>>("validate.mjs", JsonSerializer.Serialize(new { schema = sdl, documents }));
        Assert.Equal(documents.Count, results.Count);
        return results;
    }
}
