using System.Text.Json;
using OrleansShop.GraphQL.Tests.Language;

namespace OrleansShop.GraphQL.Tests.Conformance;

/// <summary>
/// The files of Conformance/Corpus, read in place as the language corpus is. Documents of a corpus file are separated by
/// lines <c>#---</c>; leading comment lines <c># name: ...</c>, <c># variables: {json}</c>, <c># operationName: ...</c> and
/// <c># schema: ...</c> describe the case and stay in the document, where they are ignored tokens.
/// </summary>
internal static class ConformanceCorpus
{
    public static string Directory => Path.Combine(RepositoryFiles.Root, "tests", "OrleansShop.GraphQL.Tests", "Conformance", "Corpus");

    public static string ShopSdl { get; } = Read("shop.graphql");

    public static string DataJson { get; } = Read("data.json");

    /// <summary>The schema of the specification's validation chapter (section 5 introduction and its later additions).</summary>
    public static string SpecificationSdl { get; } = Read("specification-validation-schema.graphql");

    /// <summary>graphql-js <c>getIntrospectionQuery</c> with every option on, as graphql-js 17.1.0 prints it.</summary>
    public static string IntrospectionQuery { get; } = Read("introspection-query.graphql");

    public static IReadOnlyList<Case> Operations { get; } = ReadCases("operations.graphql", defaultSchema: "shop");

    public static IReadOnlyList<Case> Validations { get; } =
        [.. ReadCases("validation-specification.graphql", defaultSchema: "specification"), .. ReadCases("validation-shop.graphql", defaultSchema: "shop")];

    public static string Read(string fileName) =>
        File.ReadAllText(Path.Combine(Directory, fileName), new System.Text.UTF8Encoding(false)).ReplaceLineEndings("\n");

    private static List<Case> ReadCases(string fileName, string defaultSchema)
    {
        var cases = new List<Case>();
        foreach (string chunk in Read(fileName).Split("\n#---\n"))
        {
            string document = chunk.Trim('\n');
            if (document.Length == 0)
            {
                continue;
            }

            string? name = null;
            string? operationName = null;
            string schema = defaultSchema;
            JsonElement? variables = null;
            foreach (string line in document.Split('\n').TakeWhile(l => l.StartsWith('#')))
            {
                if (Header(line, "name") is { } n)
                {
                    name = n;
                }
                else if (Header(line, "operationName") is { } o)
                {
                    operationName = o;
                }
                else if (Header(line, "schema") is { } s)
                {
                    schema = s;
                }
                else if (Header(line, "variables") is { } v)
                {
                    variables = JsonDocument.Parse(v).RootElement.Clone();
                }
            }

            cases.Add(new Case(name ?? $"{fileName} #{cases.Count}", document, variables, operationName, schema));
        }

        return cases;
    }

    private static string? Header(string line, string key)
    {
        string prefix = "# " + key + ":";
        return line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..].Trim() : null;
    }

    internal sealed record Case(string Name, string Document, JsonElement? Variables, string? OperationName, string Schema)
    {
        public override string ToString() => Name;
    }
}
