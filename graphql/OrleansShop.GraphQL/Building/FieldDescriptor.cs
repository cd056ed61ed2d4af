using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>Configures a field of an object or interface type: its type, arguments, deprecation and resolver.</summary>
public sealed class FieldDescriptor
{
    internal FieldDescriptor(string name)
    {
        NameValue = name;
    }

    internal string NameValue { get; private set; }

    internal string? DescriptionValue { get; private set; }

    internal TypeReference? TypeValue { get; set; }

    internal List<InputValueDescriptor> ArgumentsValue { get; } = [];

    internal string? DeprecationReasonValue { get; set; }

    internal List<AppliedDirective> DirectivesValue { get; } = [];

    internal FieldResolver? ResolverValue { get; set; }

    internal SubscribeResolver? SubscriberValue { get; set; }

    internal Func<object?, object?>? ParentGetterValue { get; set; }

    internal bool Ignored { get; private set; }

    /// <summary>Set by <see cref="UsePaging"/>: the field returns a cursor connection of this node type.</summary>
    internal PagingOptions? Paging { get; private set; }

    /// <summary>Set by <see cref="UseMutationConvention"/>: the name of the payload's result field, or empty to derive it.</summary>
    internal string? MutationResultField { get; private set; }

    /// <summary>Set when the schema (SDL) already declares the field's payload type, so the convention only binds it.</summary>
    internal bool MutationPayloadDeclared { get; set; }

    public FieldDescriptor Name(string name)
    {
        NameValue = name;
        return this;
    }

    public FieldDescriptor Description(string? description)
    {
        DescriptionValue = description;
        return this;
    }

    /// <summary>The output type in SDL syntax, e.g. <c>String</c>, <c>Product!</c> or <c>[Product!]!</c>.</summary>
    public FieldDescriptor Type(string type)
    {
        TypeValue = TypeReference.FromSyntax(type);
        return this;
    }

    public FieldDescriptor Type(GraphQLType type)
    {
        TypeValue = new DirectTypeReference(type);
        return this;
    }

    /// <summary>The output type inferred from a CLR type: value types are non-null, reference types nullable.</summary>
    public FieldDescriptor Type<TClr>()
    {
        TypeValue = ClrTypeInspector.FromType(typeof(TClr), nullable: null);
        return this;
    }

    /// <summary>Adds an argument of the given SDL type, e.g. <c>Argument("first", "Int", a => a.DefaultValue(10))</c>.</summary>
    public FieldDescriptor Argument(string name, string type, Action<InputValueDescriptor>? configure = null)
    {
        var argument = new InputValueDescriptor(name) { TypeValue = TypeReference.FromSyntax(type) };
        configure?.Invoke(argument);
        ArgumentsValue.Add(argument);
        return this;
    }

    /// <summary>Adds an argument configured entirely by <paramref name="configure"/>.</summary>
    public FieldDescriptor Argument(string name, Action<InputValueDescriptor> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var argument = new InputValueDescriptor(name);
        configure(argument);
        ArgumentsValue.Add(argument);
        return this;
    }

    /// <summary>Marks the field deprecated (<c>@deprecated</c>).</summary>
    public FieldDescriptor Deprecated(string? reason = null)
    {
        DeprecationReasonValue = reason ?? SpecifiedDirectives.DefaultDeprecationReason;
        return this;
    }

    public FieldDescriptor Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        DirectivesValue.Add(new AppliedDirective(name, arguments));
        return this;
    }

    /// <summary>Leaves an implicitly bound CLR property out of the type.</summary>
    public FieldDescriptor Ignore()
    {
        Ignored = true;
        return this;
    }

    public FieldDescriptor Resolve(FieldResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ResolverValue = resolver;
        ParentGetterValue = null;
        return this;
    }

    /// <summary>A synchronous resolver.</summary>
    public FieldDescriptor Resolve(Func<IResolverContext, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return Resolve((FieldResolver)(context => new ValueTask<object?>(resolver(context))));
    }

    /// <summary>An asynchronous resolver; when no type is set, the field's type is inferred from <typeparamref name="TResult"/>.</summary>
    public FieldDescriptor Resolve<TResult>(Func<IResolverContext, Task<TResult>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        TypeValue ??= ClrTypeInspector.FromType(typeof(TResult), nullable: null);
        return Resolve((FieldResolver)(context => AwaitAsObject(resolver(context))));
    }

    /// <summary>
    /// Makes this a subscription field: <paramref name="subscribe"/> returns the event stream, and each event is the field's value
    /// unless a resolver is also given (it then reads the event from <see cref="IResolverContext.EventMessage"/>).
    /// </summary>
    public FieldDescriptor Subscribe<TEvent>(Func<IResolverContext, IAsyncEnumerable<TEvent>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        TypeValue ??= ClrTypeInspector.FromType(typeof(TEvent), nullable: null);
        SubscriberValue = context => new ValueTask<IAsyncEnumerable<object?>>(EventStream.Box(subscribe(context)));
        return this;
    }

    /// <summary>
    /// Makes this a subscription field whose event stream takes asynchronous work to open (an authorization check, a lookup).
    /// An exception thrown before the stream is returned refuses the subscription with an error result, as for a synchronous
    /// subscriber (spec 6.2.3.1 CreateSourceEventStream), rather than failing the stream after it started.
    /// </summary>
    /// <remarks>A separate name, not a Subscribe overload: a lambda that only throws would fit both.</remarks>
    public FieldDescriptor AsyncSubscribe<TEvent>(Func<IResolverContext, Task<IAsyncEnumerable<TEvent>>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        TypeValue ??= ClrTypeInspector.FromType(typeof(TEvent), nullable: null);
        SubscriberValue = async context => EventStream.Box(await subscribe(context).ConfigureAwait(false));
        return this;
    }

    /// <summary>
    /// Returns a cursor connection (<c>first/after/last/before</c>, <c>edges</c>, <c>nodes</c>, <c>pageInfo</c>, <c>totalCount</c>)
    /// over the list the resolver returns, HotChocolate's convention. The connection type is <c>{NodeType}Connection</c>.
    /// </summary>
    /// <param name="nodeType">The node type in SDL syntax, e.g. <c>Product!</c>.</param>
    /// <param name="maxPageSize">The largest page a client may ask for.</param>
    /// <param name="defaultPageSize">The page size when neither <c>first</c> nor <c>last</c> is given.</param>
    /// <param name="includeTotalCount">Whether the connection has a <c>totalCount</c> field.</param>
    public FieldDescriptor UsePaging(string nodeType, int maxPageSize = 50, int defaultPageSize = 10, bool includeTotalCount = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(defaultPageSize, 1);
        Paging = new PagingOptions(TypeReference.FromSyntax(nodeType), maxPageSize, Math.Min(defaultPageSize, maxPageSize), includeTotalCount);
        return this;
    }

    /// <summary>
    /// HotChocolate's mutation convention: the field keeps its one <c>input</c> argument (of an input object type) and returns
    /// <c>{FieldName}Payload! { resultField: T, errors: [UserError!]! }</c>, where <c>T</c> is the type declared for the field
    /// (made nullable) and the error type comes from <see cref="SchemaBuilder.AddMutationConventions"/>. The resolver returns
    /// the result, or a <see cref="MutationPayload"/>; exceptions that <see cref="MutationConventionOptions.MapException"/> maps
    /// become errors of the payload.
    /// </summary>
    /// <remarks>
    /// Schema first, when the field is already declared as returning its payload (<c>addCartItem(input: ...): AddCartItemPayload!</c>),
    /// the convention adds no type: it binds the payload's result field (its one field besides <c>errors</c>, or
    /// <paramref name="resultField"/>) and <c>errors</c> to the <see cref="MutationPayload"/> the resolver returns.
    /// </remarks>
    /// <param name="resultField">The result field's name; by default the declared type's name in camelCase (<c>Order</c> gives <c>order</c>).</param>
    public FieldDescriptor UseMutationConvention(string? resultField = null)
    {
        MutationResultField = resultField ?? string.Empty;
        return this;
    }

    private static async ValueTask<object?> AwaitAsObject<TResult>(Task<TResult> task) => await task.ConfigureAwait(false);
}
