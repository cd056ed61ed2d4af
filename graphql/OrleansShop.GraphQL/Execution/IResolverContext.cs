using System.Security.Claims;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Execution;

/// <summary>What a resolver knows about the field it resolves and the request it runs in.</summary>
public interface IResolverContext
{
    GraphQLSchema Schema { get; }

    /// <summary>The object type whose field is being resolved.</summary>
    ObjectType ObjectType { get; }

    FieldDefinition Field { get; }

    /// <summary>The field's name as the client asked for it (its alias, if any).</summary>
    string ResponseName { get; }

    /// <summary>The coerced argument values, including defaults.</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The request's services.</summary>
    IServiceProvider Services { get; }

    /// <summary>Signals that the request was aborted; pass it on to every asynchronous call.</summary>
    CancellationToken RequestAborted { get; }

    /// <summary>The per-request property bag, shared by every resolver of the request.</summary>
    IDictionary<string, object?> ContextData { get; }

    /// <summary>The user the transport authenticated, if any.</summary>
    ClaimsPrincipal? User { get; }

    /// <summary>The path of the field in the response, e.g. <c>["products", 3, "name"]</c>.</summary>
    IReadOnlyList<object> Path { get; }

    /// <summary>For subscription fields: the event being resolved.</summary>
    object? EventMessage { get; }

    /// <summary>The value of the parent object (the root value for root fields) as <typeparamref name="T"/>.</summary>
    T Parent<T>();

    /// <summary>The coerced value of an argument converted to <typeparamref name="T"/> (input objects bind to records and classes).</summary>
    T Argument<T>(string name);

    /// <summary>True when the client gave the argument (or it has a default).</summary>
    bool HasArgument(string name);

    /// <summary>A service of the request; throws when it is not registered.</summary>
    T Service<T>()
        where T : notnull;

    /// <summary>
    /// The request's instance of a DataLoader class: taken from <see cref="Services"/> when registered there, otherwise created;
    /// one instance per request, so its cache never outlives the request.
    /// </summary>
    TLoader DataLoader<TLoader>()
        where TLoader : class, IDataLoader;

    /// <summary>The request's batch DataLoader named <paramref name="name"/>, created on first use with <paramref name="fetch"/>.</summary>
    BatchDataLoader<TKey, TValue> BatchDataLoader<TKey, TValue>(string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull;

    /// <summary>Adds an error to the response without failing the field.</summary>
    void ReportError(string message, string? code = null);
}
