using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>HotChocolate's schema conventions applied when a schema is built: cursor connections for paged fields, mutation payloads.</summary>
internal static class Conventions
{
    public static void ApplyPaging(FieldDescriptor field, PagingOptions paging, SchemaAssembler assembler)
    {
        var nodeType = assembler.Resolve(paging.NodeType, output: true, $"the paged field \"{field.NameValue}\"");
        if (nodeType is null)
        {
            return;
        }

        var nodeName = nodeType.GetNamedType().Name;
        assembler.EnsureType("PageInfo", () =>
        {
            var pageInfo = new ObjectTypeDescriptor<PageInfo>();
            pageInfo.Description("Information about pagination in a connection.");
            pageInfo.Field(p => p.HasNextPage).Description("Indicates whether more edges exist following the set defined by the clients arguments.");
            pageInfo.Field(p => p.HasPreviousPage).Description("Indicates whether more edges exist prior the set defined by the clients arguments.");
            pageInfo.Field(p => p.StartCursor).Description("When paginating backwards, the cursor to continue.");
            pageInfo.Field(p => p.EndCursor).Description("When paginating forwards, the cursor to continue.");
            pageInfo.AddImplicitFields();
            return pageInfo;
        });
        var edgeName = nodeName + "Edge";
        assembler.EnsureType(edgeName, () =>
        {
            var edge = new ObjectTypeDescriptor(edgeName);
            edge.Description("An edge in a connection.");
            edge.Field("cursor").Type("String!").Description("A cursor for use in pagination.");
            edge.Field("cursor").ParentGetterValue = e => ((Edge)e!).Cursor;
            edge.Field("node").Type(nodeType).Description("The item at the end of the edge.");
            edge.Field("node").ParentGetterValue = e => ((Edge)e!).Node;
            return edge;
        });
        var connectionName = nodeName + "Connection";
        assembler.EnsureType(connectionName, () =>
        {
            var connection = new ObjectTypeDescriptor(connectionName);
            connection.Description("A connection to a list of items.");
            connection.Field("pageInfo").Type("PageInfo!").Description("Information to aid in pagination.");
            connection.Field("pageInfo").ParentGetterValue = c => ((Connection)c!).PageInfo;
            connection.Field("edges").Type("[" + edgeName + "!]").Description("A list of edges.");
            connection.Field("edges").ParentGetterValue = c => ((Connection)c!).Edges;
            connection.Field("nodes").Type(new ListType(nodeType)).Description("A flattened list of the nodes.");
            connection.Field("nodes").ParentGetterValue = c => Nodes((Connection)c!);
            if (paging.IncludeTotalCount)
            {
                connection.Field("totalCount").Type("Int!").Description("Identifies the total count of items in the connection.");
                connection.Field("totalCount").ParentGetterValue = c => ((Connection)c!).TotalCount ?? ((Connection)c!).Edges.Count;
            }

            return connection;
        });

        field.TypeValue = TypeReference.FromSyntax(connectionName);
        var arguments = new List<InputValueDescriptor>
        {
            new InputValueDescriptor("first").Type("Int").Description("Returns the first _n_ elements from the list."),
            new InputValueDescriptor("after").Type("String").Description("Returns the elements in the list that come after the specified cursor."),
            new InputValueDescriptor("last").Type("Int").Description("Returns the last _n_ elements from the list."),
            new InputValueDescriptor("before").Type("String").Description("Returns the elements in the list that come before the specified cursor."),
        };
        field.ArgumentsValue.InsertRange(0, arguments);
        var source = field.ResolverValue;
        var getter = field.ParentGetterValue;
        var name = field.NameValue;
        field.ResolverValue = async context =>
        {
            var items = source is not null ? await source(context).ConfigureAwait(false)
                : getter is not null ? getter(context.Parent<object?>())
                : DefaultFieldResolver.Resolve(context.Parent<object?>(), name);
            return ConnectionSlicer.Slice(items, context, paging);
        };
        field.ParentGetterValue = null;
    }

    public static void ApplyMutationConvention(FieldDescriptor field, string coordinate, SchemaAssembler assembler)
    {
        var options = assembler.MutationConventions;
        if (field.ArgumentsValue.Count != 1 || field.ArgumentsValue[0].NameValue != "input" || field.ArgumentsValue[0].TypeValue is not { } inputReference)
        {
            assembler.ReportError($"The mutation convention of \"{coordinate}\" needs exactly one argument, named \"input\", of an input object type.");
            return;
        }

        if (assembler.Resolve(inputReference, output: false, $"\"{coordinate}(input:)\"") is { } inputType && inputType.GetNamedType() is not InputObjectType)
        {
            assembler.ReportError($"The mutation convention of \"{coordinate}\" needs its \"input\" argument to be an input object type, not \"{inputType}\".");
            return;
        }

        if (field.MutationPayloadDeclared)
        {
            WrapResolver(field, options);
            return;
        }

        if (field.TypeValue is null)
        {
            assembler.ReportError($"The mutation convention of \"{coordinate}\" needs the field's result type; call Type(...) first.");
            return;
        }

        var resultType = assembler.Resolve(field.TypeValue, output: true, $"field \"{coordinate}\"");
        if (resultType is null)
        {
            return;
        }

        // The result is null whenever the payload carries errors instead.
        if (resultType is NonNullType nonNull)
        {
            resultType = nonNull.OfType;
        }

        var resultField = string.IsNullOrEmpty(field.MutationResultField) ? CamelCase(resultType.GetNamedType().Name) : field.MutationResultField;
        if (resultField == "errors")
        {
            assembler.ReportError($"The mutation convention of \"{coordinate}\" cannot name its result field \"errors\".");
            return;
        }

        var payloadName = PascalCase(field.NameValue) + options.PayloadSuffix;
        if (assembler.HasType(payloadName))
        {
            assembler.ReportError($"The mutation convention of \"{coordinate}\" would add the type \"{payloadName}\", which is already defined.");
            return;
        }

        assembler.EnsureType(payloadName, () =>
        {
            var payload = new ObjectTypeDescriptor(payloadName);
            payload.Field(resultField).Type(resultType);
            payload.Field(resultField).ParentGetterValue = p => ((MutationPayload)p!).Result;
            payload.Field("errors").Type("[" + options.ErrorType + "!]!").Description("Why the mutation failed; empty when it succeeded.");
            payload.Field("errors").ParentGetterValue = p => ((MutationPayload)p!).Errors;
            return payload;
        });

        field.TypeValue = TypeReference.FromSyntax(payloadName + "!");
        WrapResolver(field, options);
    }

    private static void WrapResolver(FieldDescriptor field, MutationConventionOptions options)
    {
        var source = field.ResolverValue;
        var getter = field.ParentGetterValue;
        var name = field.NameValue;
        var mapException = options.MapException;
        field.ResolverValue = async context =>
        {
            object? value;
            try
            {
                value = source is not null ? await source(context).ConfigureAwait(false)
                    : getter is not null ? getter(context.Parent<object?>())
                    : DefaultFieldResolver.Resolve(context.Parent<object?>(), name);
            }
            catch (Exception exception) when (mapException?.Invoke(exception) is { } error)
            {
                return MutationPayload.Failure(error);
            }

            return value as MutationPayload ?? MutationPayload.Success(value);
        };
        field.ParentGetterValue = null;
    }

    /// <summary>
    /// Before any type is completed: adds <c>interface Error { message: String! }</c> when a field uses the mutation convention
    /// and the application declares no type of that name (so its error type can implement it), and binds the payload types
    /// that the schema declares itself.
    /// </summary>
    public static void PrepareMutationConventions(List<object> descriptors, SchemaAssembler assembler)
    {
        var options = assembler.MutationConventions;
        var used = false;
        foreach (var descriptor in descriptors)
        {
            if (descriptor is not ObjectTypeDescriptor owner)
            {
                continue;
            }

            foreach (var field in owner.FieldsValue.Items)
            {
                if (field.MutationResultField is null)
                {
                    continue;
                }

                used = true;
                var payloadName = PascalCase(field.NameValue) + options.PayloadSuffix;
                if (field.TypeValue is SyntaxTypeReference { Syntax: var syntax } && TypeSyntax.Print(syntax).TrimEnd('!') == payloadName
                    && descriptors.OfType<ObjectTypeDescriptor>().FirstOrDefault(d => d.NameValue == payloadName) is { } payload)
                {
                    BindDeclaredPayload(field, payload, owner.NameValue + "." + field.NameValue, assembler);
                }
            }
        }

        if (!used || assembler.HasType(options.ErrorInterface))
        {
            return;
        }

        assembler.EnsureType(options.ErrorInterface, () =>
        {
            var error = new InterfaceTypeDescriptor(options.ErrorInterface, null);
            error.Description("An error a mutation reports to the client as data, in its payload.");
            error.Field("message").Type("String!").Description("Why the mutation failed, for a person to read.");
            return error;
        });
    }

    private static void BindDeclaredPayload(FieldDescriptor field, ObjectTypeDescriptor payload, string coordinate, SchemaAssembler assembler)
    {
        var others = payload.FieldsValue.Items.Where(f => f.NameValue != "errors").ToList();
        var result = string.IsNullOrEmpty(field.MutationResultField)
            ? (others.Count == 1 ? others[0] : null)
            : others.FirstOrDefault(f => f.NameValue == field.MutationResultField);
        var errors = payload.FieldsValue.Find("errors");
        if (result is null || errors is null)
        {
            assembler.ReportError(
                $"The mutation convention of \"{coordinate}\" needs its payload \"{payload.NameValue}\" to have an \"errors\" field and one result field (or the result field named).");
            return;
        }

        field.MutationPayloadDeclared = true;
        BindPayloadField(result, static p => p.Result);
        BindPayloadField(errors, static p => p.Errors);
    }

    // Reads a MutationPayload; any other parent (a payload built by hand) still resolves as before.
    private static void BindPayloadField(FieldDescriptor payloadField, Func<MutationPayload, object?> read)
    {
        if (payloadField.ResolverValue is not null)
        {
            return;
        }

        var previous = payloadField.ParentGetterValue;
        var name = payloadField.NameValue;
        payloadField.ParentGetterValue = parent => parent is MutationPayload payload ? read(payload)
            : previous is not null ? previous(parent)
            : DefaultFieldResolver.Resolve(parent, name);
    }

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static string PascalCase(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static object?[] Nodes(Connection connection)
    {
        var nodes = new object?[connection.Edges.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = connection.Edges[i].Node;
        }

        return nodes;
    }
}
