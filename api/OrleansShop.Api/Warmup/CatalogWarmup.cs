using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OrleansShop.Api.Limits;
using OrleansShop.Silo.Hosting;

namespace OrleansShop.Api.Warmup;

/// <summary>
/// Runs the storefront's catalog reads through the GraphQL executor once every other readiness check passes, and only
/// then lets the process report ready (<see cref="WarmupHealthCheck"/>).
/// </summary>
/// <remarks>
/// A new process serves its first 20-30 s of full load at a fraction of its steady rate while the JIT recompiles the hot
/// paths (bench/RESULTS.md, run-warmup.sh), and on Azure a replica is added exactly when load is high. Reads only, so the
/// warm-up changes nothing; through the executor rather than HTTP, so the Front Door check does not refuse it, and marked as
/// the process's own (<see cref="InternalOperation"/>) so that no client's query-cost budget pays for it.
/// </remarks>
internal sealed partial class CatalogWarmup(
    IRequestExecutorProvider executors,
    HealthCheckService health,
    IHostApplicationLifetime lifetime,
    WarmupProgress progress,
    IOptions<WarmupOptions> options,
    ILogger<CatalogWarmup> logger) : BackgroundService
{
    private const string Listing =
        "{ products(first: 20) { nodes { id name slug price { amount currency } stock { available } rating { average count } } } }";

    private const string Detail =
        "query($id: ID) { product(id: $id) { id sku name description brand price { amount currency } images categories { name } available stock { available } rating { average count } } }";

    private const string Categories = "{ categories { id name slug } }";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var clock = Stopwatch.StartNew();
        try
        {
            await WhenStartedAsync(stoppingToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            limit.CancelAfter(settings.Timeout);
            try
            {
                await WhenBackendReadyAsync(limit.Token);
                var executor = await executors.GetExecutorAsync(ISchemaDefinition.DefaultName, limit.Token);
                var ids = await ProductIdsAsync(executor, limit.Token);
                var next = -1;
                await Task.WhenAll(Enumerable.Range(0, Math.Max(1, settings.Concurrency)).Select(async _ =>
                {
                    // HotChocolate answers a cancelled request with an error rather than an exception: stop on the token.
                    int i;
                    while (!limit.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < settings.Requests)
                    {
                        var error = await ReadAsync(executor, Request(i, ids), limit.Token);
                        if (!limit.IsCancellationRequested)
                        {
                            progress.Count(error);
                        }
                    }
                }));
                limit.Token.ThrowIfCancellationRequested();
                Finished(clock, "warm");
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                Finished(clock, $"warm-up cut short at {settings.Timeout}");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before it finished: readiness no longer matters.
        }
        catch (Exception e)
        {
            // Readiness must not wait forever on a warm-up that cannot run; the process serves cold instead.
            LogFailed(logger, e);
            Finished(clock, $"warm-up failed ({e.GetType().Name})");
        }
    }

    private void Finished(Stopwatch clock, string how)
    {
        var outcome = $"{how}: {progress.Completed} catalog reads in {clock.ElapsedMilliseconds} ms, {progress.Failed} failed"
            + (progress.FirstError is { } error ? $" (the first: {error})" : "");
        progress.Finish(outcome);
        LogFinished(logger, outcome);
    }

    private Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }

    // Reads sent before the silo (or, for a cluster client, a gateway) and the read models answer would fail at once and
    // warm nothing: wait until every other readiness check passes.
    private async Task WhenBackendReadyAsync(CancellationToken cancellationToken)
    {
        while ((await health.CheckHealthAsync(
                   check => check.Tags.Contains(CommerceHealthExtensions.ReadyTag) && check.Name != WarmupHealthCheck.Name,
                   cancellationToken)).Status != HealthStatus.Healthy)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private static IOperationRequest Request(int i, IReadOnlyList<string> ids) => (i % 4, ids.Count) switch
    {
        (1, > 0) => OperationRequestBuilder.New().MarkInternal().SetDocument(Detail).SetVariableValues(new Dictionary<string, object?> { ["id"] = ids[i / 4 % ids.Count] }).Build(),
        (3, _) => OperationRequestBuilder.New().MarkInternal().SetDocument(Categories).Build(),
        _ => OperationRequestBuilder.New().MarkInternal().SetDocument(Listing).Build(),
    };

    private static async Task<string?> ReadAsync(IRequestExecutor executor, IOperationRequest request, CancellationToken cancellationToken)
    {
        await using var result = await executor.ExecuteAsync(request, cancellationToken);

        // Formatted as a response would be, so the serializer is warm too.
        _ = result.ToJson();
        return result is OperationResult { Errors: { Count: > 0 } errors } ? errors[0].Message : null;
    }

    private static async Task<IReadOnlyList<string>> ProductIdsAsync(IRequestExecutor executor, CancellationToken cancellationToken)
    {
        await using var result = await executor.ExecuteAsync(OperationRequestBuilder.New().MarkInternal().SetDocument("{ products(first: 20) { nodes { id } } }").Build(), cancellationToken);
        using var json = System.Text.Json.JsonDocument.Parse(result.ToJson());
        return json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Object
            ? [.. data.GetProperty("products").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!)]
            : [];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog warm-up done ({Outcome}); reporting ready.")]
    private static partial void LogFinished(ILogger logger, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The catalog warm-up failed; reporting ready without it.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
