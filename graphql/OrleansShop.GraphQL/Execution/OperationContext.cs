using System.Security.Claims;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Execution;

/// <summary>Everything one execution shares: schema, document, coerced variables, services, errors and DataLoaders.</summary>
internal sealed class OperationContext
{
    private readonly List<GraphQLError> _errors = [];
    private readonly object _dataLoadersGate = new();
    private Dictionary<object, IDataLoader>? _dataLoaders;
    private IDictionary<string, object?>? _contextData;
    [ThreadStatic]
    private static OperationContext? t_initialStretch;

    private HashSet<ResponsePath>? _nulledPositions;
    private bool _dataNulled;
    private bool _initialStretchRunning;
    private List<(GraphQLError Error, ResponsePath Path)>? _deferredFieldErrors;

    public OperationContext(
        RequestExecutor executor,
        PreparedDocument document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?> variables,
        ExecutionRequest request,
        CancellationToken cancellationToken)
    {
        Executor = executor;
        Schema = document.Schema;
        Document = document;
        Operation = operation;
        Variables = variables;
        Services = request.Services ?? EmptyServiceProvider.Instance;
        User = request.User;
        _contextData = request.ContextData;
        RootValue = request.RootValue;
        CancellationToken = cancellationToken;
    }

    public RequestExecutor Executor { get; }

    public GraphQLSchema Schema { get; }

    public PreparedDocument Document { get; }

    public OperationDefinitionNode Operation { get; }

    public IReadOnlyDictionary<string, object?> Variables { get; }

    public IServiceProvider Services { get; }

    public ClaimsPrincipal? User { get; }

    /// <summary>The request's context data; created on first use when the request brought none.</summary>
    public IDictionary<string, object?> ContextData
    {
        get
        {
            if (_contextData is null)
            {
                Interlocked.CompareExchange(ref _contextData, new Dictionary<string, object?>(StringComparer.Ordinal), null);
            }

            return _contextData;
        }
    }

    public object? RootValue { get; }

    public CancellationToken CancellationToken { get; }

    public BatchScheduler Scheduler { get; } = new();

    public IReadOnlyList<GraphQLError> Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.Count == 0 ? [] : [.. _errors];
            }
        }
    }

    public void AddError(GraphQLError error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    /// <summary>
    /// Adds the error of a field at <paramref name="path"/>, unless the position its null lands on (the nearest nullable position,
    /// or the whole data) is inside a position an earlier error already nulled: spec 6.4.4, "If a sibling field of a response
    /// position that triggered error propagation also raises an error, this additional error must not be added" (graphql-js
    /// CollectedErrors).
    /// </summary>
    public void AddFieldError(GraphQLError error, ResponsePath path)
    {
        lock (_errors)
        {
            if (_initialStretchRunning && !ReferenceEquals(t_initialStretch, this))
            {
                // A resolver resumed on another thread while the executor's first synchronous stretch still runs: as in
                // graphql-js, whose promises settle only after that stretch, its error counts after the stretch's errors.
                (_deferredFieldErrors ??= []).Add((error, path));
                return;
            }

            AddFieldErrorLocked(error, path);
        }
    }

    /// <summary>Marks the start of the executor's first synchronous stretch on this thread; see <see cref="AddFieldError"/>.</summary>
    public void BeginInitialStretch()
    {
        lock (_errors)
        {
            _initialStretchRunning = true;
        }

        t_initialStretch = this;
    }

    /// <summary>Ends the first synchronous stretch and adds the errors that resumed resolvers raised meanwhile.</summary>
    public void EndInitialStretch()
    {
        t_initialStretch = null;
        lock (_errors)
        {
            _initialStretchRunning = false;
            if (_deferredFieldErrors is { } deferred)
            {
                _deferredFieldErrors = null;
                foreach (var (error, path) in deferred)
                {
                    AddFieldErrorLocked(error, path);
                }
            }
        }
    }

    private void AddFieldErrorLocked(GraphQLError error, ResponsePath path)
    {
        if (_dataNulled)
        {
            return;
        }

        // Where the error's null lands: the nearest nullable position, or the whole data (null).
        ResponsePath? landing = path;
        while (landing is not null && !landing.IsNullable)
        {
            landing = landing.Parent;
        }

        if (_nulledPositions is not null)
        {
            for (var position = landing; position is not null; position = position.Parent)
            {
                if (_nulledPositions.Contains(position))
                {
                    return;
                }
            }
        }

        if (landing is null)
        {
            _dataNulled = true;
        }
        else
        {
            (_nulledPositions ??= new HashSet<ResponsePath>(ReferenceEqualityComparer.Instance)).Add(landing);
        }

        _errors.Add(error);
    }

    public TLoader GetDataLoader<TLoader>(object key, Func<TLoader> create)
        where TLoader : class, IDataLoader
    {
        lock (_dataLoadersGate)
        {
            _dataLoaders ??= [];
            if (_dataLoaders.TryGetValue(key, out var existing))
            {
                return (TLoader)existing;
            }

            var loader = create();
            if (loader is IBatchDispatcher dispatcher)
            {
                dispatcher.Attach(Scheduler, CancellationToken);
            }

            _dataLoaders[key] = loader;
            return loader;
        }
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
