using System.Security.Claims;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Execution;

/// <summary>Everything one execution shares: schema, document, coerced variables, services, errors and DataLoaders.</summary>
internal sealed class OperationContext
{
    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<object, IDataLoader> _dataLoaders = [];

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
        ContextData = request.ContextData ?? new Dictionary<string, object?>(StringComparer.Ordinal);
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

    public IDictionary<string, object?> ContextData { get; }

    public object? RootValue { get; }

    public CancellationToken CancellationToken { get; }

    public BatchScheduler Scheduler { get; } = new();

    public IReadOnlyList<GraphQLError> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
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

    public TLoader GetDataLoader<TLoader>(object key, Func<TLoader> create)
        where TLoader : class, IDataLoader
    {
        lock (_dataLoaders)
        {
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
