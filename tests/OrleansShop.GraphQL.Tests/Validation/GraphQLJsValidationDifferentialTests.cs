using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Tests.Language;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.Tests.Validation;

/// <summary>
/// graphql-js 17.1.0's <c>validate</c> and ours must accept and reject exactly the same documents of the corpus,
/// with the same number of errors at the same locations. Skips without node, except under CI=true.
/// </summary>
public sealed class GraphQLJsValidationDifferentialTests
{
    private static IReadOnlyList<string> CorpusDocuments()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "OrleansShop.GraphQL.Tests", "Validation", "Corpus", "documents.graphql"));
        return [.. text.Split("\n#---\n").Select(d => d.Trim()).Where(d => d.Length > 0)];
    }

    [Fact]
    public void Corpus_has_at_least_sixty_documents_some_valid_and_some_invalid()
    {
        var documents = CorpusDocuments();
        Assert.True(documents.Count >= 60, $"only {documents.Count} documents");
        var results = documents.Select(d => DocumentValidator.Validate(ValidationHarness.Pets, Parser.Parse(d), ValidationOptions.SpecificationOnly)).ToList();
        Assert.True(results.Count(r => r.IsValid) >= 15);
        Assert.True(results.Count(r => !r.IsValid) >= 45);
    }

    [Fact]
    public void Accepts_and_rejects_the_same_documents_as_graphql_js_with_the_same_error_locations()
    {
        var documents = CorpusDocuments();
        var expected = ValidationOracle.Validate(ValidationHarness.PetsSdl, documents);
        var mismatches = new List<string>();
        for (int i = 0; i < documents.Count; i++)
        {
            Assert.Null(expected[i].ParseError);
            var ours = DocumentValidator.Validate(ValidationHarness.Pets, Parser.Parse(documents[i]), ValidationOptions.SpecificationOnly).Errors;
            var ourLocations = ours.Select(e => string.Join(" ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))).Order(StringComparer.Ordinal).ToList();
            var theirLocations = expected[i].Errors.Select(e => string.Join(" ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))).Order(StringComparer.Ordinal).ToList();
            if (!ourLocations.SequenceEqual(theirLocations))
            {
                mismatches.Add(
                    $"#{i} {documents[i]}\n  graphql-js: {string.Join(" | ", expected[i].Errors.Select(e => e.Message + " @ " + string.Join(" ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))))}"
                    + $"\n  ours:       {string.Join(" | ", ours.Select(ValidationHarness.Describe))}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Errors_come_in_the_same_order_as_graphql_js()
    {
        var documents = CorpusDocuments();
        var expected = ValidationOracle.Validate(ValidationHarness.PetsSdl, documents);
        var mismatches = new List<string>();
        for (int i = 0; i < documents.Count; i++)
        {
            var ours = DocumentValidator.Validate(ValidationHarness.Pets, Parser.Parse(documents[i]), ValidationOptions.SpecificationOnly).Errors
                .Select(e => e.Message).ToList();
            var theirs = expected[i].Errors.Select(e => e.Message).ToList();
            if (!ours.SequenceEqual(theirs))
            {
                mismatches.Add($"#{i} {documents[i]}\n  graphql-js: {string.Join(" | ", theirs)}\n  ours:       {string.Join(" | ", ours)}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Messages_match_graphql_js_word_for_word_on_the_corpus()
    {
        var documents = CorpusDocuments();
        var expected = ValidationOracle.Validate(ValidationHarness.PetsSdl, documents);
        var mismatches = new List<string>();
        for (int i = 0; i < documents.Count; i++)
        {
            var ours = DocumentValidator.Validate(ValidationHarness.Pets, Parser.Parse(documents[i]), ValidationOptions.SpecificationOnly).Errors
                .Select(e => e.Message).Order(StringComparer.Ordinal);
            var theirs = expected[i].Errors.Select(e => e.Message).Order(StringComparer.Ordinal);
            if (!ours.SequenceEqual(theirs))
            {
                mismatches.Add($"#{i} {documents[i]}\n  graphql-js: {string.Join(" | ", theirs)}\n  ours:       {string.Join(" | ", ours)}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
