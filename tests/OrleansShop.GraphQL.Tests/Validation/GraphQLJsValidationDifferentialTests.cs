using System.Diagnostics;
using System.Text.Json;
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

/// <summary>Runs tests/js/validate.mjs (graphql-js <c>buildSchema</c> + <c>parse</c> + <c>validate</c>).</summary>
internal static class ValidationOracle
{
    private static readonly Lazy<string?> Unavailable = new(Prepare);

    public sealed record Location(int Line, int Column);

    public sealed record Error(string Message, IReadOnlyList<Location> Locations);

    public sealed record Result(string? ParseError, IReadOnlyList<Error> Errors);

    public static IReadOnlyList<Result> Validate(string sdl, IReadOnlyList<string> documents)
    {
        string? reason = Unavailable.Value;
        if (reason is not null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"graphql-js oracle required under CI=true: {reason}");
            }

            Assert.Skip($"graphql-js oracle unavailable: {reason}");
        }

        var (exitCode, output, error) = Run("node", "validate.mjs", JsonSerializer.Serialize(new { schema = sdl, documents }));
        Assert.True(exitCode == 0, $"node validate.mjs failed ({exitCode}): {error}");
        var results = JsonSerializer.Deserialize<List<Result>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.NotNull(results);
        Assert.Equal(documents.Count, results.Count);
        return results;
    }

    private static string? Prepare()
    {
        try
        {
            if (Run("node", "--version", null).ExitCode != 0)
            {
                return "node is not on PATH";
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "node is not on PATH";
        }

        if (Directory.Exists(Path.Combine(RepositoryFiles.OracleDirectory, "node_modules", "graphql")))
        {
            return null;
        }

        try
        {
            var (exitCode, _, error) = Run("npm", "ci --no-audit --no-fund", null, 300);
            return exitCode == 0 ? null : $"npm ci failed ({exitCode}): {error}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "npm is not on PATH and tests/js/node_modules is missing";
        }
    }

    private static (int ExitCode, string Output, string Error) Run(string program, string arguments, string? stdin, int timeoutSeconds = 60)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = RepositoryFiles.OracleDirectory,
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            using var writer = new StreamWriter(process.StandardInput.BaseStream, new System.Text.UTF8Encoding(false));
            writer.Write(stdin);
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, string.Empty, $"{program} {arguments} timed out after {timeoutSeconds} s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
