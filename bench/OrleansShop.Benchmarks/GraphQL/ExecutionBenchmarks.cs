using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.LoadServer.Catalog;
using OrleansShop.GraphQL.LoadServer.Operations;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.Benchmarks.GraphQL;

/// <summary>
/// Executing a cached, validated operation in process: the load server's catalog schema and operations, for comparison
/// with graphql-js <c>execute</c> on the same pre-parsed, pre-validated documents (bench/js/execute-bench.mjs).
/// <see cref="Execute"/> stops at the result tree, as <c>execute</c> does; <see cref="Execute_and_write_json"/> adds
/// writing the response with <see cref="Utf8JsonWriter"/>, against <c>JSON.stringify(execute(...))</c>.
/// <c>{ __typename }</c> shows the fixed cost of a request to the executor, which the HTTP floor also pays.
/// </summary>
[MemoryDiagnoser]
public class ExecutionBenchmarks
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private RequestExecutor _executor = null!;
    private ExecutionRequest _request = null!;
    private Utf8JsonWriter _writer = null!;

    [Params("product-list", "category-chain", "introspection", "typename")]
    public string Operation { get; set; } = "product-list";

    [GlobalSetup]
    public void Setup()
    {
        var schema = CatalogSchema.Create();
        _executor = new RequestExecutor(schema);
        var text = Operation switch
        {
            "product-list" => CatalogOperations.ProductList,
            "category-chain" => CatalogOperations.CategoryChain,
            "introspection" => CatalogOperations.Introspection,
            "typename" => CatalogOperations.TypeName,
            _ => throw new InvalidOperationException($"Unknown operation {Operation}."),
        };
        var document = Parser.Parse(text);
        var validation = DocumentValidator.Validate(schema, document);
        if (!validation.IsValid)
        {
            throw new InvalidOperationException($"The {Operation} operation is invalid: {validation.Errors[0].Message}");
        }

        _request = new ExecutionRequest { Document = _executor.Prepare(document) };
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);

        // The first execution builds and caches the plan; a result with errors would make every figure meaningless.
        var result = _executor.ExecuteAsync(_request).GetAwaiter().GetResult();
        if (result.Errors.Count > 0 || result.Data is null)
        {
            throw new InvalidOperationException($"The {Operation} operation failed: {result.ToJson()}");
        }
    }

    [Benchmark(Baseline = true)]
    public Task<ExecutionResult> Execute() => _executor.ExecuteAsync(_request);

    [Benchmark]
    public async Task<int> Execute_and_write_json()
    {
        var result = await _executor.ExecuteAsync(_request).ConfigureAwait(false);
        _buffer.ResetWrittenCount();
        _writer.Reset();
        result.WriteTo(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();
}
