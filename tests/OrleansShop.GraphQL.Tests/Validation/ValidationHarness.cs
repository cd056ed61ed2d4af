using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Tests.Language;
using OrleansShop.GraphQL.Types;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.Tests.Validation;

/// <summary>Runs one rule (or all) over a document, as graphql-js's validation test harness does, and compares errors.</summary>
internal static class ValidationHarness
{
    private static readonly Lazy<string> LazyPetsSdl = new(() =>
        File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "OrleansShop.GraphQL.Tests", "Validation", "Corpus", "pets.graphql")));

    private static readonly Lazy<GraphQLSchema> LazyPets = new(() => SchemaBuilder.FromSdl(LazyPetsSdl.Value).Create());

    private static readonly Lazy<GraphQLSchema> LazySpec = new(() => SchemaBuilder.FromSdl(
        File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "OrleansShop.GraphQL.Tests", "Validation", "Corpus", "spec.graphql"))).Create());

    public static string PetsSdl => LazyPetsSdl.Value;

    /// <summary>The dog, cat, human and alien schema the specification's Validation chapter uses for its examples.</summary>
    public static GraphQLSchema Spec => LazySpec.Value;

    /// <summary>The pet, dog, cat and human schema of graphql-js's harness.</summary>
    public static GraphQLSchema Pets => LazyPets.Value;

    public static IReadOnlyList<GraphQLError> Validate<TRule>(string query, GraphQLSchema? schema = null, ValidationOptions? options = null)
        where TRule : ValidationRule
    {
        var validator = new DocumentValidator(
            schema ?? Pets,
            options ?? ValidationOptions.SpecificationOnly,
            [context => (ValidationRule)Activator.CreateInstance(typeof(TRule), context)!]);
        return validator.Validate(Parser.Parse(query)).Errors;
    }

    public static void ExpectValid<TRule>(string query, GraphQLSchema? schema = null)
        where TRule : ValidationRule =>
        Assert.Empty(Validate<TRule>(query, schema).Select(e => Describe(e)));

    /// <summary>Valid against the specification's example schema.</summary>
    public static void ExpectSpecValid<TRule>(string query)
        where TRule : ValidationRule => ExpectValid<TRule>(query, Spec);

    /// <summary>Errors against the specification's example schema.</summary>
    public static void ExpectSpecErrors<TRule>(string query, params Expected[] expected)
        where TRule : ValidationRule => ExpectErrorsIn<TRule>(Spec, query, expected);

    public static void ExpectErrors<TRule>(string query, params Expected[] expected)
        where TRule : ValidationRule =>
        ExpectErrorsIn<TRule>(Pets, query, expected);

    public static void ExpectErrorsIn<TRule>(GraphQLSchema schema, string query, params Expected[] expected)
        where TRule : ValidationRule
    {
        var actual = Validate<TRule>(query, schema);
        Assert.Equal(string.Join("\n", expected.Select(e => e.ToString())), string.Join("\n", actual.Select(Describe)));
    }

    public static Expected Error(string message, params (int Line, int Column)[] locations) => new(message, locations);

    public static string Describe(GraphQLError error) =>
        error.Message + " @ " + string.Join(" ", error.Locations.Select(l => $"{l.Line}:{l.Column}"));

    internal sealed record Expected(string Message, (int Line, int Column)[] Locations)
    {
        public override string ToString() => Message + " @ " + string.Join(" ", Locations.Select(l => $"{l.Line}:{l.Column}"));
    }
}
