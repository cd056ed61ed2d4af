using System.Runtime.CompilerServices;
using System.Text;
using BenchmarkDotNet.Attributes;
using OrleansShop.GraphQL.Language;

namespace OrleansShop.Benchmarks.GraphQL;

/// <summary>
/// Parsing the corpus kitchen-sink documents (tests/OrleansShop.GraphQL.Tests/Language/Corpus/valid),
/// to compare with graphql-js parse on the same files (tests/js/bench/parse-bench.mjs).
/// Lex_kitchen_sink shows the lexer allocates nothing per token.
/// </summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    private byte[] _kitchenSink = [];
    private string _kitchenSinkText = string.Empty;
    private byte[] _schemaKitchenSink = [];
    private static readonly ParserOptions NoLocation = new() { NoLocation = true };

    [GlobalSetup]
    public void Setup()
    {
        _kitchenSink = ReadCorpus("kitchen-sink.graphql");
        _kitchenSinkText = Encoding.UTF8.GetString(_kitchenSink);
        _schemaKitchenSink = ReadCorpus("schema-kitchen-sink.graphql");
    }

    [Benchmark(Baseline = true)]
    public DocumentNode Parse_kitchen_sink_utf8() => Parser.Parse(_kitchenSink);

    [Benchmark]
    public DocumentNode Parse_kitchen_sink_string() => Parser.Parse(_kitchenSinkText);

    [Benchmark]
    public DocumentNode Parse_kitchen_sink_no_location() => Parser.Parse(_kitchenSink, NoLocation);

    [Benchmark]
    public DocumentNode Parse_schema_kitchen_sink_utf8() => Parser.Parse(_schemaKitchenSink);

    [Benchmark]
    public int Lex_kitchen_sink()
    {
        var lexer = new Lexer(_kitchenSink);
        int tokens = 0;
        do
        {
            lexer.Advance();
            tokens++;
        }
        while (lexer.Kind != TokenKind.EndOfFile);

        return tokens;
    }

    // BenchmarkDotNet runs a generated copy of this project from its own folder, so look above
    // both the output folder and this source file for the repository's corpus.
    private static byte[] ReadCorpus(string fileName, [CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "." })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                string path = Path.Combine(directory.FullName, "tests", "OrleansShop.GraphQL.Tests", "Language", "Corpus", "valid", fileName);
                if (File.Exists(path))
                {
                    return File.ReadAllBytes(path);
                }
            }
        }

        throw new FileNotFoundException($"Corpus file \"{fileName}\" not found above \"{AppContext.BaseDirectory}\" or \"{sourceFile}\".");
    }
}
