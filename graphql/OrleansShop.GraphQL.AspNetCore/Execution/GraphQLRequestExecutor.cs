using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansShop.GraphQL.AspNetCore.Persisted;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;
using OrleansShop.GraphQL.Utilities;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>
/// Runs one request for any transport: resolves the document (automatic persisted queries, the document cache, or parse and
/// validate once), picks the operation, checks the transport may run it, then executes or subscribes with the engine.
/// </summary>
internal sealed partial class GraphQLRequestExecutor
{
    private readonly RequestExecutor _executor;
    private readonly DocumentValidator _validator;
    private readonly IPersistedOperationStore? _persistedOperations;
    private readonly GraphQLServerOptions _options;
    private readonly DocumentCache _cache;
    private readonly ILogger<GraphQLRequestExecutor> _logger;
    private readonly Lazy<string> _sdl;

    public GraphQLRequestExecutor(
        GraphQLSchema schema,
        IOptions<GraphQLServerOptions> options,
        ILogger<GraphQLRequestExecutor> logger,
        IPersistedOperationStore? persistedOperations = null)
    {
        _options = options.Value;
        _options.Validate();
        Schema = schema;
        _executor = new RequestExecutor(schema, new ExecutorOptions { IncludeExceptionDetails = _options.IncludeExceptionDetails });
        _validator = new DocumentValidator(schema, _options.Validation);
        _persistedOperations = persistedOperations;
        _cache = new DocumentCache(_options.DocumentCacheSize);
        _logger = logger;
        _sdl = new Lazy<string>(() => SchemaPrinter.Print(schema));
    }

    public GraphQLSchema Schema { get; }

    /// <summary>The schema in SDL, printed once.</summary>
    public string Sdl => _sdl.Value;

    /// <summary>How many distinct documents are cached (for tests and diagnostics).</summary>
    public int CachedDocumentCount => _cache.Count;

    public async ValueTask<RequestOutcome> ExecuteAsync(GraphQLRequest request, RequestTransport transport, RequestContext context)
    {
        CachedDocument document;
        if (request.IsPersistedQuery)
        {
            var (resolved, failure) = await ResolvePersistedAsync(request, context.RequestAborted).ConfigureAwait(false);
            if (failure is { } outcome)
            {
                return outcome;
            }

            document = resolved!;
        }
        else
        {
            if (!request.HasQuery)
            {
                return Invalid("The request has no \"query\" parameter.", TransportErrorCodes.BadRequest);
            }

            if (GetDocument(request.Query, DocumentHash.Compute(request.Query), out document) is { } parseFailure)
            {
                return RequestOutcome.Response(parseFailure);
            }
        }

        var operation = SelectOperation(document.Document.Document, request.OperationName, out var selectionError);
        if (operation is null)
        {
            // An unknown operation name is still a well-formed request, so it gets a GraphQL response rather than a bare 400.
            return Response(selectionError!, ErrorCodes.OperationNotFound);
        }

        // Checked before validation errors are reported: a mutation over GET is 405 whatever else is wrong with it.
        if (transport == RequestTransport.HttpGet && operation.Operation != OperationType.Query)
        {
            return new RequestOutcome(
                RequestOutcomeKind.MethodNotAllowed,
                ExecutionResult.FromError($"Only queries can be sent with GET; send this {Kind(operation.Operation)} with POST.", TransportErrorCodes.MethodNotAllowed));
        }

        if (document.ValidationErrors.Count > 0)
        {
            return RequestOutcome.Response(ExecutionResult.FromErrors(document.ValidationErrors));
        }

        if (transport == RequestTransport.HttpPost && operation.Operation == OperationType.Subscription)
        {
            return Response("Subscriptions are served over WebSocket with the graphql-transport-ws protocol.", TransportErrorCodes.SubscriptionNotSupported);
        }

        OperationCost? cost = null;
        if (_options.Cost is { } budget)
        {
            // Charged per request because list sizes come from variables; refused here, before any resolver runs.
            var analysis = CostAnalyzer.Analyze(Schema, document.Document.Document, request.OperationName, request.Variables, budget);
            if (analysis.Error is { } overBudget)
            {
                return RequestOutcome.Response(ExecutionResult.FromErrors([overBudget]));
            }

            cost = analysis.Cost;
        }

        if (_options.OnOperationAdmission is { } admit)
        {
            cost ??= CostAnalyzer.Compute(Schema, document.Document.Document, request.OperationName, request.Variables);
            var admission = await admit(new OperationAdmissionContext(
                context.HttpContext, operation.Operation, operation.Name?.Value, cost.Value, transport == RequestTransport.WebSocket)).ConfigureAwait(false);
            if (!admission.IsAdmitted)
            {
                return new RequestOutcome(RequestOutcomeKind.Refused, ExecutionResult.FromErrors([admission.Error!]), Refusal: admission);
            }
        }

        var executionRequest = new ExecutionRequest
        {
            Document = document.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Services = context.Services,
            User = context.User,
            ContextData = context.ContextData,
        };

        try
        {
            if (operation.Operation == OperationType.Subscription)
            {
                var subscription = await _executor.SubscribeAsync(executionRequest, context.RequestAborted).ConfigureAwait(false);
                return subscription.Stream is { } stream
                    ? new RequestOutcome(RequestOutcomeKind.Response, null, stream)
                    : RequestOutcome.Response(subscription.Error!);
            }

            var result = await _executor.ExecuteAsync(executionRequest, context.RequestAborted).ConfigureAwait(false);
            LogUnexpectedFieldErrors(result);
            return RequestOutcome.Response(result);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // The executor turns resolver exceptions into field errors; anything reaching here is a bug, never shown to clients.
            LogExecutorFailure(_logger, exception);
            return Response("Unexpected Execution Error", ErrorCodes.UnexpectedError);
        }
    }

    /// <summary>Apollo automatic persisted queries: a hash alone is looked up; a hash with its document is verified and registered.</summary>
    private async ValueTask<(CachedDocument? Document, RequestOutcome? Failure)> ResolvePersistedAsync(GraphQLRequest request, CancellationToken cancellationToken)
    {
        if (!_options.EnableAutomaticPersistedQueries || _persistedOperations is null)
        {
            return (null, Response("PersistedQueryNotSupported", TransportErrorCodes.PersistedQueryNotSupported));
        }

        if (request.PersistedQueryVersion != 1)
        {
            return (null, Invalid("Only version 1 of \"extensions.persistedQuery\" is supported.", TransportErrorCodes.BadRequest));
        }

        if (!DocumentHash.TryParse(request.PersistedQueryHash, out var hash))
        {
            return (null, Invalid("\"extensions.persistedQuery.sha256Hash\" must be 64 hexadecimal digits.", TransportErrorCodes.BadRequest));
        }

        CachedDocument document;
        if (request.HasQuery)
        {
            if (DocumentHash.Compute(request.Query) != hash)
            {
                return (null, Invalid("provided sha does not match query", TransportErrorCodes.PersistedQueryHashMismatch));
            }

            if (GetDocument(request.Query, hash, out document) is { } parseFailure)
            {
                return (null, RequestOutcome.Response(parseFailure));
            }

            if (document.ValidationErrors.Count == 0)
            {
                await _persistedOperations.SaveAsync(hash.ToString(), request.QueryText(), cancellationToken).ConfigureAwait(false);
            }

            return (document, null);
        }

        if (_cache.TryGet(hash, out document))
        {
            return (document, null);
        }

        var text = await _persistedOperations.TryGetAsync(hash.ToString(), cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return (null, Response("PersistedQueryNotFound", TransportErrorCodes.PersistedQueryNotFound));
        }

        request.SetQuery(text);
        if (GetDocument(request.Query, hash, out document) is { } storedFailure)
        {
            return (null, RequestOutcome.Response(storedFailure));
        }

        return (document, null);
    }

    /// <summary>The cached document for <paramref name="hash"/>, or parses, validates and caches <paramref name="query"/>. Returns the parse failure, if any.</summary>
    private ExecutionResult? GetDocument(ReadOnlySpan<byte> query, DocumentHash hash, out CachedDocument document)
    {
        if (_cache.TryGet(hash, out document))
        {
            return null;
        }

        DocumentNode parsed;
        try
        {
            parsed = Parser.Parse(query);
        }
        catch (GraphQLSyntaxException exception)
        {
            // Syntax errors are not cached: a client that sends garbage should not push useful documents out of the cache.
            return ExecutionResult.FromErrors([new GraphQLError(
                exception.Message,
                exception.Line > 0 ? [new ErrorLocation(exception.Line, exception.Column)] : null,
                extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.SyntaxError })]);
        }

        IReadOnlyList<GraphQLError> errors = _validator.Validate(parsed).Errors;
        if (errors.Count > 0)
        {
            var coded = new GraphQLError[errors.Count];
            for (var i = 0; i < errors.Count; i++)
            {
                coded[i] = WithCode(errors[i], ErrorCodes.ValidationError);
            }

            errors = coded;
        }

        document = new CachedDocument(_executor.Prepare(parsed), errors);
        _cache.Add(hash, document);
        return null;
    }

    /// <summary>GetOperation (spec 6.1): the named operation, or the only one when no name is given.</summary>
    private static OperationDefinitionNode? SelectOperation(DocumentNode document, string? operationName, out string? error)
    {
        OperationDefinitionNode? selected = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not OperationDefinitionNode operation)
            {
                continue;
            }

            if (string.IsNullOrEmpty(operationName))
            {
                if (selected is not null)
                {
                    error = "Must provide operation name if query contains multiple operations.";
                    return null;
                }

                selected = operation;
            }
            else if (operation.Name?.Value == operationName)
            {
                selected = operation;
                break;
            }
        }

        error = selected is not null ? null
            : string.IsNullOrEmpty(operationName) ? "Must provide an operation."
            : $"Unknown operation named \"{operationName}\".";
        return selected;
    }

    private static GraphQLError WithCode(GraphQLError error, string code)
    {
        if (error.Code is not null)
        {
            return error;
        }

        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (error.Extensions is not null)
        {
            foreach (var (key, value) in error.Extensions)
            {
                extensions[key] = value;
            }
        }

        extensions["code"] = code;
        return new GraphQLError(error.Message, error.Locations, error.Path, extensions, error.Exception);
    }

    private static string Kind(OperationType operation) => operation switch
    {
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "query",
    };

    private static RequestOutcome Invalid(string message, string code) =>
        new(RequestOutcomeKind.InvalidRequest, ExecutionResult.FromError(message, code));

    private static RequestOutcome Response(string message, string code) =>
        RequestOutcome.Response(ExecutionResult.FromError(message, code));

    /// <summary>
    /// Clients see only "Unexpected Execution Error" for a resolver's own exception: the operator must see the exception.
    /// Errors a resolver raised on purpose (GraphQLException) and cancellations are the client's business, not logged.
    /// </summary>
    private void LogUnexpectedFieldErrors(ExecutionResult result)
    {
        foreach (var error in result.Errors)
        {
            if (error.Exception is { } exception and not GraphQLException and not OperationCanceledException)
            {
                LogFieldFailure(_logger, exception, error.Path is null ? "" : string.Join('.', error.Path));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A resolver failed at {Path}; the client was told \"Unexpected Execution Error\".")]
    private static partial void LogFieldFailure(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The GraphQL executor failed outside of any field.")]
    private static partial void LogExecutorFailure(ILogger logger, Exception exception);
}
