using System.Text.Json;

namespace OrleansShop.GraphQL.Tests.Language;

/// <summary>The documents of Corpus/: whole valid files, valid snippets, and invalid documents.</summary>
internal static class Corpus
{
    public static IReadOnlyList<(string Name, string Source)> ValidFiles { get; } =
        [.. Directory.GetFiles(Path.Combine(RepositoryFiles.CorpusDirectory, "valid"), "*.graphql")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path, new System.Text.UTF8Encoding(false))))];

    public static IReadOnlyList<string> ValidSnippets { get; } = ReadJson("valid-snippets.json");

    public static IReadOnlyList<string> Invalid { get; } = ReadJson("invalid.json");

    public static string Read(string fileName) =>
        File.ReadAllText(Path.Combine(RepositoryFiles.CorpusDirectory, "valid", fileName), new System.Text.UTF8Encoding(false));

    private static List<string> ReadJson(string fileName) =>
        JsonSerializer.Deserialize<List<string>>(File.ReadAllText(Path.Combine(RepositoryFiles.CorpusDirectory, fileName)))
        ?? throw new InvalidOperationException($"{fileName} is empty.");
}
