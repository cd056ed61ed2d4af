using System.Collections;
using System.Collections.Concurrent;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// ExecuteSelectionSet, ExecuteField and CompleteValue (spec 6.3, 6.4). Fields of a query run concurrently: resolvers that
/// complete synchronously cost no task, the others are awaited together. Mutation root fields run one after another.
/// DataLoader batches are fetched when a synchronous stretch of the executor (the start, or a resumed resolver's completion) ends.
/// A completion returns false when its value became null through an error, so a non-null parent nulls itself in turn
/// (spec 6.4.4 Handling Execution Errors).
/// </summary>
internal static class ExecutionEngine
{
    private static readonly ConcurrentDictionary<(NamedType, Type), ObjectType?> RuntimeTypes = new();

    public static ValueTask<bool> ExecuteSelectionSetAsync(OperationContext context, SelectionPlan plan, object? source, ResultMap result, ResponsePath? path, bool serially, object? eventMessage = null)
    {
        // Synchronous until a field does not complete at once: most selection sets never need a state machine.
        var fields = plan.Fields;
        var ok = true;
        for (var i = 0; i < fields.Length; i++)
        {
            var execution = ExecuteFieldAsync(context, plan.Type, fields[i], source, result.Values, i, path, eventMessage);
            if (!execution.IsCompletedSuccessfully)
            {
                return ContinueSelectionSetAsync(context, plan, source, result, path, serially, eventMessage, execution, i, ok);
            }

            ok &= execution.Result;
        }

        return new ValueTask<bool>(ok);
    }

    private static async ValueTask<bool> ContinueSelectionSetAsync(OperationContext context, SelectionPlan plan, object? source, ResultMap result, ResponsePath? path, bool serially, object? eventMessage, ValueTask<bool> first, int firstIndex, bool ok)
    {
        var fields = plan.Fields;
        List<Task<bool>>? pending = null;
        if (serially)
        {
            ok &= await first.ConfigureAwait(false);
        }
        else
        {
            pending = [first.AsTask()];
        }

        for (var i = firstIndex + 1; i < fields.Length; i++)
        {
            var execution = ExecuteFieldAsync(context, plan.Type, fields[i], source, result.Values, i, path, eventMessage);
            if (execution.IsCompletedSuccessfully)
            {
                ok &= execution.Result;
            }
            else if (serially)
            {
                ok &= await execution.ConfigureAwait(false);
            }
            else
            {
                (pending ??= []).Add(execution.AsTask());
            }
        }

        if (pending is not null)
        {
            foreach (var task in pending)
            {
                ok &= await task.ConfigureAwait(false);
            }
        }

        return ok;
    }

    private static ValueTask<bool> ExecuteFieldAsync(OperationContext context, ObjectType objectType, FieldPlan plan, object? source, object?[] target, int index, ResponsePath? parentPath, object? eventMessage)
    {
        if (plan.IsTypeName)
        {
            target[index] = objectType.Name;
            return new ValueTask<bool>(true);
        }

        var field = plan.Field!;
        if (plan.ReadsParentProperty && (plan.LeafScalar is not null || plan.LeafEnum is not null))
        {
            // The common case - a property read into a scalar or enum - needs neither a response path nor a resolver
            // context unless it fails; then the general path below runs again and reports the failure.
            if (TryCompleteLeafProperty(context, plan, field, source, target, index))
            {
                return new ValueTask<bool>(true);
            }
        }

        var path = new ResponsePath(parentPath, plan.ResponseName, !field.Type.IsNonNull);
        object? value;
        try
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (field.ParentGetter is { } getter && field.Resolver is null)
            {
                value = getter(source);
            }
            else
            {
                var arguments = plan.StaticArguments;
                if (arguments is null)
                {
                    if (plan.StaticArgumentError is { } argumentError)
                    {
                        // A fresh exception per request: the planned one is shared by concurrent executions.
                        throw new GraphQLException(argumentError.Message, argumentError.Code) { Locations = argumentError.Locations };
                    }

                    arguments = ArgumentCoercion.Coerce(field, plan.Nodes[0], context.Variables);
                }

                if (field.Resolver is { } resolver)
                {
                    var resolving = resolver(new ResolverContext(context, plan, objectType, source, path, arguments, eventMessage));
                    if (!resolving.IsCompletedSuccessfully)
                    {
                        return AwaitAndCompleteAsync(context, plan, field.Type, resolving, target, index, path);
                    }

                    value = resolving.Result;
                }
                else
                {
                    value = eventMessage ?? DefaultFieldResolver.Resolve(source, field.Name);
                }
            }
        }
        catch (Exception error)
        {
            return new ValueTask<bool>(HandleFieldError(context, plan, field.Type, error, target, index, path));
        }

        return CompleteValueAsync(context, plan, field.Type, value, target, index, path);
    }

    private static bool TryCompleteLeafProperty(OperationContext context, FieldPlan plan, FieldDefinition field, object? source, object?[] target, int index)
    {
        try
        {
            if (context.CancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var value = field.ParentGetter!(source);
            if (value is null)
            {
                if (field.Type.IsNonNull)
                {
                    return false;
                }

                target[index] = null;
                return true;
            }

            target[index] = plan.LeafScalar is { } scalar ? scalar.Serialize(value) : plan.LeafEnum!.Serialize(value);
            return true;
        }
        catch (Exception)
        {
            // Reported by the general path, which repeats the read.
            return false;
        }
    }

    private static async ValueTask<bool> AwaitAndCompleteAsync(OperationContext context, FieldPlan plan, GraphQLType type, ValueTask<object?> resolving, object?[] target, int index, ResponsePath path)
    {
        object? value;
        try
        {
            value = await resolving.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            return HandleFieldError(context, plan, type, error, target, index, path);
        }

        context.Scheduler.EnterWork();
        ValueTask<bool> completion;
        try
        {
            completion = CompleteValueAsync(context, plan, type, value, target, index, path);
        }
        finally
        {
            context.Scheduler.ExitWork();
        }

        return await completion.ConfigureAwait(false);
    }

    private static bool HandleFieldError(OperationContext context, FieldPlan plan, GraphQLType type, Exception error, object?[] target, int index, ResponsePath path)
    {
        context.AddFieldError(ToError(context, plan, error, path), path);
        target[index] = null;
        return !type.IsNonNull;
    }

    public static ValueTask<bool> CompleteValueAsync(OperationContext context, FieldPlan plan, GraphQLType type, object? value, object?[] target, int index, ResponsePath path)
    {
        if (type is NonNullType nonNull)
        {
            if (value is null)
            {
                target[index] = null;
                context.AddFieldError(
                    new GraphQLError(
                        $"Cannot return null for non-nullable field {plan.Field}.",
                        Locations(plan),
                        ResponsePath.ToList(path),
                        new Dictionary<string, object?> { ["code"] = ErrorCodes.NonNullViolation }),
                    path);
                return new ValueTask<bool>(false);
            }

            var inner = CompleteNullableAsync(context, plan, nonNull.OfType, value, target, index, path);
            if (inner.IsCompletedSuccessfully)
            {
                return new ValueTask<bool>(inner.Result);
            }

            return inner;
        }

        var completion = CompleteNullableAsync(context, plan, type, value, target, index, path);
        if (completion.IsCompletedSuccessfully)
        {
            if (!completion.Result)
            {
                target[index] = null;
            }

            return new ValueTask<bool>(true);
        }

        return NullOnErrorAsync(completion, target, index);
    }

    private static async ValueTask<bool> NullOnErrorAsync(ValueTask<bool> completion, object?[] target, int index)
    {
        if (!await completion.ConfigureAwait(false))
        {
            target[index] = null;
        }

        return true;
    }

    // Completes a value of a nullable type; returns false when an error made it null.
    private static ValueTask<bool> CompleteNullableAsync(OperationContext context, FieldPlan plan, GraphQLType type, object? value, object?[] target, int index, ResponsePath path)
    {
        if (value is null)
        {
            target[index] = null;
            return new ValueTask<bool>(true);
        }

        try
        {
            switch (type)
            {
                case ScalarType scalar:
                    target[index] = scalar.Serialize(value);
                    return new ValueTask<bool>(true);
                case EnumType enumType:
                    target[index] = enumType.Serialize(value);
                    return new ValueTask<bool>(true);
                case ListType list:
                    return CompleteListAsync(context, plan, list, value, target, index, path);
                case ObjectType objectType:
                    return CompleteObjectAsync(context, plan, objectType, value, target, index, path);
                default:
                    var resolved = ResolveAbstractType(context, plan, (NamedType)type, value, path);
                    return CompleteObjectAsync(context, plan, resolved, value, target, index, path);
            }
        }
        catch (Exception error)
        {
            context.AddFieldError(ToError(context, plan, error, path), path);
            target[index] = null;
            return new ValueTask<bool>(false);
        }
    }

    private static ValueTask<bool> CompleteObjectAsync(OperationContext context, FieldPlan plan, ObjectType type, object value, object?[] target, int index, ResponsePath path)
    {
        var childPlan = plan.GetChild(type);
        if (childPlan is null)
        {
            var selectionSets = new List<SelectionSetNode>(plan.Nodes.Count);
            foreach (var node in plan.Nodes)
            {
                if (node.SelectionSet is not null)
                {
                    selectionSets.Add(node.SelectionSet);
                }
            }

            childPlan = FieldCollector.Plan(context.Document, type, selectionSets, context.Variables);
            plan.AddChild(type, childPlan);
        }

        var map = new ResultMap(childPlan);
        target[index] = map;
        return ExecuteSelectionSetAsync(context, childPlan, value, map, path, serially: false);
    }

    private static ValueTask<bool> CompleteListAsync(OperationContext context, FieldPlan plan, ListType type, object value, object?[] target, int index, ResponsePath path)
    {
        if (value is string or not IEnumerable)
        {
            throw new GraphQLException($"Expected Iterable, but did not find one for field \"{plan.Field}\".", ErrorCodes.InvalidResult);
        }

        IList items = value as IList ?? ((IEnumerable)value).Cast<object?>().ToList();
        var result = new object?[items.Count];
        target[index] = result;
        var ok = true;
        List<Task<bool>>? pending = null;
        var itemType = type.OfType;
        for (var i = 0; i < result.Length; i++)
        {
            var completion = CompleteValueAsync(context, plan, itemType, items[i], result, i, new ResponsePath(path, BoxedValues.Int(i), !itemType.IsNonNull));
            if (completion.IsCompletedSuccessfully)
            {
                ok &= completion.Result;
            }
            else
            {
                (pending ??= []).Add(completion.AsTask());
            }
        }

        if (pending is null)
        {
            return new ValueTask<bool>(ok);
        }

        return AwaitItemsAsync(pending, ok);
    }

    private static async ValueTask<bool> AwaitItemsAsync(List<Task<bool>> pending, bool ok)
    {
        foreach (var task in pending)
        {
            ok &= await task.ConfigureAwait(false);
        }

        return ok;
    }

    private static ObjectType ResolveAbstractType(OperationContext context, FieldPlan plan, NamedType abstractType, object value, ResponsePath path)
    {
        var schema = context.Schema;
        string? typeName = null;
        var resolver = abstractType switch
        {
            InterfaceType i => i.ResolveType,
            UnionType u => u.ResolveType,
            _ => null,
        };
        if (resolver is not null)
        {
            typeName = resolver(value, new ResolverContext(context, plan, plan.Field!.DeclaringType as ObjectType ?? schema.QueryType, value, path, new Dictionary<string, object?>()));
        }
        else if (value is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__typename", out var named))
        {
            typeName = named as string;
        }
        else if (value is IDictionary<string, object?> dictionary && dictionary.TryGetValue("__typename", out var namedEntry))
        {
            typeName = namedEntry as string;
        }
        else
        {
            var byClr = RuntimeTypes.GetOrAdd((abstractType, value.GetType()), static (key, s) => FindByRuntimeType(s, key.Item1, key.Item2), schema);
            if (byClr is not null)
            {
                return byClr;
            }

            foreach (var candidate in schema.GetPossibleTypes(abstractType))
            {
                if (candidate.IsTypeOf is { } isTypeOf && isTypeOf(value))
                {
                    return candidate;
                }
            }
        }

        if (typeName is null)
        {
            throw new GraphQLException($"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{plan.Field}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.", ErrorCodes.InvalidResult);
        }

        if (schema.GetNamedType(typeName) is not ObjectType objectType)
        {
            throw new GraphQLException($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema.", ErrorCodes.InvalidResult);
        }

        if (!schema.IsSubType(abstractType, objectType))
        {
            throw new GraphQLException($"Runtime Object type \"{objectType.Name}\" is not a possible type for \"{abstractType.Name}\".", ErrorCodes.InvalidResult);
        }

        return objectType;
    }

    private static ObjectType? FindByRuntimeType(GraphQLSchema schema, NamedType abstractType, Type clrType)
    {
        foreach (var candidate in schema.GetPossibleTypes(abstractType))
        {
            if (candidate.RuntimeType == clrType)
            {
                return candidate;
            }
        }

        foreach (var candidate in schema.GetPossibleTypes(abstractType))
        {
            if (candidate.RuntimeType is not null && candidate.RuntimeType.IsAssignableFrom(clrType))
            {
                return candidate;
            }
        }

        return null;
    }

    public static GraphQLError ToError(OperationContext context, FieldPlan plan, Exception error, ResponsePath path)
    {
        string message;
        Dictionary<string, object?> extensions;
        switch (error)
        {
            case GraphQLException graphQLError:
                message = graphQLError.Message;
                extensions = graphQLError.Extensions is null ? [] : new Dictionary<string, object?>(graphQLError.Extensions);
                if (graphQLError.Code is not null)
                {
                    extensions["code"] = graphQLError.Code;
                }

                break;
            case ValueCoercionException coercion:
                message = coercion.Message;
                extensions = new Dictionary<string, object?> { ["code"] = ErrorCodes.InvalidResult };
                break;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                message = "The request was cancelled.";
                extensions = new Dictionary<string, object?> { ["code"] = ErrorCodes.Cancelled };
                break;
            default:
                message = context.Executor.Options.IncludeExceptionDetails ? error.Message : "Unexpected Execution Error";
                extensions = new Dictionary<string, object?> { ["code"] = ErrorCodes.UnexpectedError };
                break;
        }

        var locations = (error as GraphQLException)?.Locations ?? Locations(plan);
        return new GraphQLError(message, locations, ResponsePath.ToList(path), extensions, error);
    }

    public static IReadOnlyList<ErrorLocation> Locations(FieldPlan plan)
    {
        var locations = new List<ErrorLocation>(plan.Nodes.Count);
        foreach (var node in plan.Nodes)
        {
            if (node.Location is { } location)
            {
                locations.Add(new ErrorLocation(location.Line, location.Column));
            }
        }

        return locations;
    }
}
