using System.Runtime.CompilerServices;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// Executes operations against a schema (spec 6 Execution). Thread-safe; create one per schema and reuse it.
/// For throughput, cache <see cref="PreparedDocument"/>s by query text and pass them in <see cref="ExecutionRequest.Document"/>.
/// </summary>
/// <example>
/// <code>
/// var executor = new RequestExecutor(schema);
/// var result = await executor.ExecuteAsync("{ hello }");
/// Console.WriteLine(result.ToJson()); // {"data":{"hello":"world"}}
/// </code>
/// </example>
public sealed class RequestExecutor
{
    public RequestExecutor(GraphQLSchema schema, ExecutorOptions? options = null)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        Options = options ?? new ExecutorOptions();
    }

    public GraphQLSchema Schema { get; }

    public ExecutorOptions Options { get; }

    /// <summary>Prepares an already parsed and validated document for execution; cache the result per distinct document.</summary>
    public PreparedDocument Prepare(DocumentNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new PreparedDocument(Schema, document);
    }

    /// <summary>Parses and validates query text (with <see cref="ExecutorOptions.Validate"/>), then prepares it; throws on errors.</summary>
    public PreparedDocument Prepare(string query)
    {
        var (document, errors) = TryPrepare(query);
        return document ?? throw new GraphQLRequestException(errors);
    }

    /// <summary>Parses, validates and prepares query text; returns the request errors instead of throwing.</summary>
    public (PreparedDocument? Document, IReadOnlyList<GraphQLError> Errors) TryPrepare(string query)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(query, Options.ParserOptions);
        }
        catch (GraphQLSyntaxException syntax)
        {
            return (null, [new GraphQLError(syntax.Message, [new ErrorLocation(syntax.Line, syntax.Column)], null, new Dictionary<string, object?> { ["code"] = ErrorCodes.SyntaxError })]);
        }

        if (Options.Validate is { } validate)
        {
            var errors = validate(Schema, document);
            if (errors.Count > 0)
            {
                return (null, errors);
            }
        }

        return (Prepare(document), []);
    }

    /// <summary>Executes a query text with optional variables.</summary>
    public Task<ExecutionResult> ExecuteAsync(string query, IReadOnlyDictionary<string, object?>? variables = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new ExecutionRequest { Query = query, Variables = variables }, cancellationToken);

    /// <summary>Executes a query or mutation. Request errors (parse, validation, operation, variables) give a result without data.</summary>
    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (context, error) = CreateContext(request, cancellationToken);
        if (context is null)
        {
            return error!;
        }

        if (context.Operation.Operation == OperationType.Subscription)
        {
            return ExecutionResult.FromError("Subscriptions must be executed with SubscribeAsync.", ErrorCodes.OperationNotFound);
        }

        var rootType = Schema.GetRootType(context.Operation.Operation);
        if (rootType is null)
        {
            return ExecutionResult.FromError($"Schema is not configured to execute {context.Operation.Operation.ToString().ToLowerInvariant()} operation.", ErrorCodes.OperationNotFound);
        }

        var plan = context.Document.GetRootPlan(context.Operation, rootType, ConditionMask(context), context.Variables);
        var data = new ResultMap(plan);
        bool ok;
        context.Scheduler.EnterWork();
        ValueTask<bool> execution;
        try
        {
            context.BeginInitialStretch();
            execution = ExecutionEngine.ExecuteSelectionSetAsync(context, plan, request.RootValue, data, null, serially: context.Operation.Operation == OperationType.Mutation);
        }
        finally
        {
            context.EndInitialStretch();
            context.Scheduler.ExitWork();
        }

        ok = await execution.ConfigureAwait(false);
        return new ExecutionResult(ok ? data : null, true, context.Errors);
    }

    /// <summary>
    /// Starts a subscription (spec 6.2.3): creates the source stream of the root field, and maps each event to a result by
    /// executing the selection set with the event as the root field's value. Disposing the enumeration ends the source stream.
    /// </summary>
    public async Task<SubscriptionResult> SubscribeAsync(ExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (context, error) = CreateContext(request, cancellationToken);
        if (context is null)
        {
            return new SubscriptionResult(null, error);
        }

        if (context.Operation.Operation != OperationType.Subscription || Schema.SubscriptionType is null)
        {
            return new SubscriptionResult(null, ExecutionResult.FromError("The operation is not a subscription, or the schema has no subscription type.", ErrorCodes.OperationNotFound));
        }

        if (RootConditionDirectives(context.Document, context.Operation) is { Count: > 0 } conditions)
        {
            // Spec (September 2025) 5.2.3.1 Single Root Field: which event stream to open must not depend on variables.
            var subject = context.Operation.Name is { } name ? $"Subscription \"{name.Value}\"" : "Anonymous Subscription";
            return new SubscriptionResult(null, ExecutionResult.FromErrors([
                GraphQLError.At($"{subject} must not use `@skip` or `@include` directives in the top level selection.", conditions, ErrorCodes.ValidationError)]));
        }

        var plan = context.Document.GetRootPlan(context.Operation, Schema.SubscriptionType, ConditionMask(context), context.Variables);
        var root = Array.Find(plan.Fields, f => !f.IsTypeName);
        if (root?.Field?.Subscriber is not { } subscriber)
        {
            return new SubscriptionResult(null, ExecutionResult.FromError("The subscription's root field has no event stream.", ErrorCodes.OperationNotFound));
        }

        IAsyncEnumerable<object?> stream;
        var path = new ResponsePath(null, root.ResponseName, !root.Field.Type.IsNonNull);
        try
        {
            var arguments = root.StaticArguments ?? ArgumentCoercion.Coerce(root.Field, root.Nodes[0], context.Variables);
            stream = await subscriber(new ResolverContext(context, root, Schema.SubscriptionType, request.RootValue, path, arguments)).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return new SubscriptionResult(null, ExecutionResult.FromErrors([ExecutionEngine.ToError(context, root, exception, path)]));
        }

        return new SubscriptionResult(MapEvents(request, stream, cancellationToken), null);
    }

    private async IAsyncEnumerable<ExecutionResult> MapEvents(ExecutionRequest request, IAsyncEnumerable<object?> stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var (context, error) = CreateContext(request, cancellationToken);
            if (context is null)
            {
                yield return error!;
                yield break;
            }

            var plan = context.Document.GetRootPlan(context.Operation, Schema.SubscriptionType!, ConditionMask(context), context.Variables);
            var data = new ResultMap(plan);
            context.Scheduler.EnterWork();
            ValueTask<bool> execution;
            try
            {
                context.BeginInitialStretch();
                execution = ExecutionEngine.ExecuteSelectionSetAsync(context, plan, request.RootValue, data, null, serially: false, eventMessage: message);
            }
            finally
            {
                context.EndInitialStretch();
                context.Scheduler.ExitWork();
            }

            var ok = await execution.ConfigureAwait(false);
            yield return new ExecutionResult(ok ? data : null, true, context.Errors);
        }
    }

    private (OperationContext? Context, ExecutionResult? Error) CreateContext(ExecutionRequest request, CancellationToken cancellationToken)
    {
        var document = request.Document;
        if (document is null)
        {
            if (request.Query is null)
            {
                return (null, ExecutionResult.FromError("The request must contain a query or a prepared document.", ErrorCodes.SyntaxError));
            }

            var (prepared, errors) = TryPrepare(request.Query);
            if (prepared is null)
            {
                return (null, ExecutionResult.FromErrors(errors));
            }

            document = prepared;
        }
        else if (!ReferenceEquals(document.Schema, Schema))
        {
            throw new ArgumentException("The document was prepared for another schema.", nameof(request));
        }

        var operation = SelectOperation(document, request.OperationName, out var operationError);
        if (operation is null)
        {
            return (null, ExecutionResult.FromError(operationError!, ErrorCodes.OperationNotFound));
        }

        var variables = VariableCoercion.Coerce(Schema, operation, request.Variables, out var variableErrors);
        if (variableErrors is not null)
        {
            return (null, ExecutionResult.FromErrors(variableErrors));
        }

        return (new OperationContext(this, document, operation, variables, request, cancellationToken), null);
    }

    /// <summary>The <c>@skip</c> and <c>@include</c> directives of an operation's root selection set, through its fragments.</summary>
    private static List<DirectiveNode> RootConditionDirectives(PreparedDocument document, OperationDefinitionNode operation)
    {
        var found = new List<DirectiveNode>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Walk(operation.SelectionSet);
        return found;

        void Walk(SelectionSetNode selectionSet)
        {
            foreach (var selection in selectionSet.Selections)
            {
                foreach (var directive in selection.Directives)
                {
                    if (directive.Name.Value is "skip" or "include")
                    {
                        found.Add(directive);
                    }
                }

                switch (selection)
                {
                    case InlineFragmentNode inline:
                        Walk(inline.SelectionSet);
                        break;
                    case FragmentSpreadNode spread when visited.Add(spread.Name.Value) && document.Fragments.TryGetValue(spread.Name.Value, out var fragment):
                        Walk(fragment.SelectionSet);
                        break;
                }
            }
        }
    }

    private static OperationDefinitionNode? SelectOperation(PreparedDocument document, string? name, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(name))
        {
            if (document.Operations.Count == 1)
            {
                return document.Operations[0];
            }

            error = document.Operations.Count == 0 ? "Must provide an operation." : "Must provide operation name if query contains multiple operations.";
            return null;
        }

        foreach (var operation in document.Operations)
        {
            if (operation.Name?.Value == name)
            {
                return operation;
            }
        }

        error = $"Unknown operation named \"{name}\".";
        return null;
    }

    private static ulong ConditionMask(OperationContext context)
    {
        var names = context.Document.ConditionVariables;
        ulong mask = 0;
        for (var i = 0; i < names.Length && i < 64; i++)
        {
            if (context.Variables.TryGetValue(names[i], out var value) && value is true)
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }
}
