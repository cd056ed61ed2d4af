namespace OrleansShop.GraphQL.Tests.Language;

/// <summary>Finds files of the repository from a test's output folder (the corpus is read in place, not copied).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string CorpusDirectory => Path.Combine(Root, "tests", "OrleansShop.GraphQL.Tests", "Language", "Corpus");

    public static string OracleDirectory => Path.Combine(Root, "tests", "js");

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrleansShop.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OrleansShop.sln above \"{AppContext.BaseDirectory}\".");
    }
}
