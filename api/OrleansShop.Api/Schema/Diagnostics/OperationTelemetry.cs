using System.Diagnostics;
using System.Diagnostics.Metrics;
using HotChocolate.Execution.Instrumentation;
using HotChocolate.Language;
using RequestContext = HotChocolate.Execution.RequestContext;

namespace OrleansShop.Api.Schema;

/// <summary>
/// A trace span and metrics per GraphQL operation, in the process's OpenTelemetry pipeline beside ASP.NET Core's and
/// Orleans' (HotChocolate.Diagnostics, which would do this, is not served here). The span is named after the operation's
/// type and name, with OpenTelemetry's GraphQL attributes; the document itself is never recorded, since a mutation can
/// carry a password or a card token inline. When nothing listens (no OTLP endpoint configured) it costs a flag check.
/// </summary>
internal sealed class OperationTelemetry : ExecutionDiagnosticEventListener
{
    public const string Name = "OrleansShop.GraphQL";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "orleansshop.graphql.operation.duration", "s", "Time to execute a GraphQL operation, from request to result.");

    private static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "orleansshop.graphql.errors", "{error}", "GraphQL errors in operation results, by code.");

    private static readonly BoundedNames OperationNames = new(limit: 200);
    private static readonly BoundedNames ErrorCodes = new(limit: 100);

    public override IDisposable ExecuteRequest(RequestContext context)
    {
        if (!Source.HasListeners() && !Duration.Enabled && !Errors.Enabled)
        {
            return EmptyScope;
        }

        return new Scope(context, Source.StartActivity("GraphQL operation", ActivityKind.Internal));
    }

    private sealed class Scope(RequestContext context, Activity? activity) : IDisposable
    {
        private readonly long started = Stopwatch.GetTimestamp();

        public void Dispose()
        {
            var (type, name) = Describe(context);
            var errors = context.Result is OperationResult { Errors: { Count: > 0 } list } ? list : null;
            if (activity is not null)
            {
                activity.DisplayName = name is null ? type : $"{type} {name}";
                activity.SetTag("graphql.operation.type", type);
                if (name is not null)
                {
                    activity.SetTag("graphql.operation.name", name);
                }

                if (errors is not null)
                {
                    activity.SetStatus(ActivityStatusCode.Error, errors[0].Code ?? "GraphQL error");
                }

                activity.Dispose();
            }

            Duration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("graphql.operation.type", type),
                new KeyValuePair<string, object?>("graphql.operation.name", OperationNames.Bound(name)),
                new KeyValuePair<string, object?>("error", errors is not null));
            if (errors is not null)
            {
                foreach (var error in errors)
                {
                    Errors.Add(1, new KeyValuePair<string, object?>("code", ErrorCodes.Bound(error.Code ?? "NONE")));
                }
            }
        }
    }

    /// <summary>The operation's type and name from the parsed document; "unknown" when it did not parse.</summary>
    private static (string Type, string? Name) Describe(RequestContext context)
    {
        if (context.OperationDocumentInfo.Document is not { } document)
        {
            return ("unknown", context.Request.OperationName);
        }

        var wanted = context.Request.OperationName;
        foreach (var definition in document.Definitions)
        {
            if (definition is OperationDefinitionNode operation && (wanted is null || operation.Name?.Value == wanted))
            {
                var type = operation.Operation switch
                {
                    OperationType.Mutation => "mutation",
                    OperationType.Subscription => "subscription",
                    _ => "query",
                };
                return (type, operation.Name?.Value);
            }
        }

        return ("unknown", wanted);
    }
}
