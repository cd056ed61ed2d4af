using System.Security.Claims;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Execution;

/// <summary>The context of one resolver call.</summary>
internal sealed class ResolverContext(
    OperationContext operation,
    FieldPlan plan,
    ObjectType objectType,
    object? parent,
    ResponsePath path,
    IReadOnlyDictionary<string, object?> arguments,
    object? eventMessage = null) : IResolverContext
{
    public GraphQLSchema Schema => operation.Schema;

    public ObjectType ObjectType => objectType;

    public FieldDefinition Field => plan.Field!;

    public string ResponseName => plan.ResponseName;

    public IReadOnlyDictionary<string, object?> Arguments => arguments;

    public IServiceProvider Services => operation.Services;

    public CancellationToken RequestAborted => operation.CancellationToken;

    public IDictionary<string, object?> ContextData => operation.ContextData;

    public ClaimsPrincipal? User => operation.User;

    public IReadOnlyList<object> Path => ResponsePath.ToList(path);

    public object? EventMessage => eventMessage;

    public T Parent<T>() => parent is T typed ? typed : (T)parent!;

    public T Argument<T>(string name) => ValueConverter.Convert<T>(arguments.GetValueOrDefault(name), name);

    public bool HasArgument(string name) => arguments.ContainsKey(name);

    public T Service<T>()
        where T : notnull =>
        (T?)operation.Services.GetService(typeof(T))
        ?? throw new InvalidOperationException($"The service \"{typeof(T).FullName}\" needed by \"{plan.Field}\" is not registered.");

    public TLoader DataLoader<TLoader>()
        where TLoader : class, IDataLoader =>
        operation.GetDataLoader(typeof(TLoader), () => (TLoader?)operation.Services.GetService(typeof(TLoader)) ?? Activator.CreateInstance<TLoader>());

    public BatchDataLoader<TKey, TValue> BatchDataLoader<TKey, TValue>(string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        operation.GetDataLoader<BatchDataLoader<TKey, TValue>>(name, () => new DelegateBatchDataLoader<TKey, TValue>(fetch));

    public void ReportError(string message, string? code = null) =>
        operation.AddError(new GraphQLError(
            message,
            ExecutionEngine.Locations(plan),
            ResponsePath.ToList(path),
            code is null ? null : new Dictionary<string, object?> { ["code"] = code }));
}
