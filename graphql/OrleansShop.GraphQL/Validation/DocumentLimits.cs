using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Validation;

/// <summary>
/// Measures a document in one linear pass (fragments memoized, so spreading a fragment many times costs nothing extra)
/// and refuses it when it passes a limit of <see cref="ValidationOptions"/>, before any rule runs: a flood of
/// ten thousand aliases is refused for the price of counting them.
/// </summary>
internal sealed class DocumentLimits
{
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _fragmentDepth = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _fragmentRootFields = new(StringComparer.Ordinal);
    private int _fields;
    private int _aliases;

    private DocumentLimits(DocumentNode document)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                _fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }
    }

    public static DocumentStatistics Check(DocumentNode document, ValidationOptions options, List<GraphQLError> errors)
    {
        var limits = new DocumentLimits(document);
        int maxDepth = 0;
        long maxRootFields = 0;
        OperationDefinitionNode? deepest = null;
        OperationDefinitionNode? widest = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is ExecutableDefinitionNode executable)
            {
                limits.Count(executable.SelectionSet);
            }

            if (definition is OperationDefinitionNode operation)
            {
                int depth = limits.Depth(operation.SelectionSet);
                if (depth > maxDepth)
                {
                    (maxDepth, deepest) = (depth, operation);
                }

                long rootFields = limits.RootFields(operation.SelectionSet);
                if (rootFields > maxRootFields)
                {
                    (maxRootFields, widest) = (rootFields, operation);
                }
            }
        }

        var statistics = new DocumentStatistics(limits._fields, limits._aliases, maxDepth, (int)Math.Min(maxRootFields, int.MaxValue));
        if (options.MaxAliases is { } maxAliases && limits._aliases > maxAliases)
        {
            errors.Add(Error($"The document has {limits._aliases} aliased fields, more than the {maxAliases} allowed.", "MAX_ALIASES_EXCEEDED", limits._aliases, maxAliases, document));
        }

        if (options.MaxFieldSelections is { } maxFields && limits._fields > maxFields)
        {
            errors.Add(Error($"The document selects {limits._fields} fields, more than the {maxFields} allowed.", "MAX_FIELDS_EXCEEDED", limits._fields, maxFields, document));
        }

        if (options.MaxRootFields is { } maxRoot && maxRootFields > maxRoot && widest is not null)
        {
            errors.Add(Error($"{Describe(widest)} selects {statistics.MaxRootFields} root fields, more than the {maxRoot} allowed.", "MAX_ROOT_FIELDS_EXCEEDED", statistics.MaxRootFields, maxRoot, widest));
        }

        if (options.MaxDepth is { } maxAllowedDepth && maxDepth > maxAllowedDepth && deepest is not null)
        {
            errors.Add(Error($"{Describe(deepest)} has a depth of {maxDepth}, more than the maximum depth of {maxAllowedDepth}.", "MAX_DEPTH_EXCEEDED", maxDepth, maxAllowedDepth, deepest));
        }

        return statistics;
    }

    /// <summary>
    /// The error for a document whose fragments nest so deeply that walking them would exhaust the thread's stack
    /// (a chain of thousands of fragments fits in the token limit); refusing it keeps the process alive.
    /// </summary>
    public static GraphQLError TooComplex() => new(
        "The document nests fragments too deeply to be analyzed.",
        extensions: new Dictionary<string, object?> { ["code"] = "DOCUMENT_TOO_COMPLEX" });

    private static string Describe(OperationDefinitionNode operation) =>
        operation.Name is { } name ? $"Operation \"{name.Value}\"" : "The anonymous operation";

    private static GraphQLError Error(string message, string code, int measured, int limit, SyntaxNode node)
    {
        var locations = node.Location is { } location && node is not DocumentNode
            ? new[] { new ErrorLocation(location.Line, location.Column) }
            : [];
        return new GraphQLError(message, locations, extensions: new Dictionary<string, object?>
        {
            ["code"] = code,
            ["measured"] = measured,
            ["limit"] = limit,
        });
    }

    private void Count(SelectionSetNode selectionSet)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    _fields++;
                    if (field.Alias is not null)
                    {
                        _aliases++;
                    }

                    if (field.SelectionSet is { } fieldSet)
                    {
                        Count(fieldSet);
                    }

                    break;
                case InlineFragmentNode inline:
                    Count(inline.SelectionSet);
                    break;
            }
        }
    }

    private int Depth(SelectionSetNode selectionSet)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        int max = 0;
        foreach (var selection in selectionSet.Selections)
        {
            int depth = selection switch
            {
                FieldNode field => 1 + (field.SelectionSet is { } fieldSet ? Depth(fieldSet) : 0),
                InlineFragmentNode inline => Depth(inline.SelectionSet),
                FragmentSpreadNode spread => FragmentDepth(spread.Name.Value),
                _ => 0,
            };
            max = Math.Max(max, depth);
        }

        return max;
    }

    private int FragmentDepth(string name)
    {
        if (_fragmentDepth.TryGetValue(name, out int known))
        {
            return known;
        }

        if (!_fragments.TryGetValue(name, out var fragment))
        {
            return 0;
        }

        _fragmentDepth[name] = 0; // a cycle adds nothing here; NoFragmentCyclesRule reports it
        int depth = Depth(fragment.SelectionSet);
        _fragmentDepth[name] = depth;
        return depth;
    }

    private long RootFields(SelectionSetNode selectionSet)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        long count = 0;
        foreach (var selection in selectionSet.Selections)
        {
            count += selection switch
            {
                FieldNode => 1,
                InlineFragmentNode inline => RootFields(inline.SelectionSet),
                FragmentSpreadNode spread => FragmentRootFields(spread.Name.Value),
                _ => 0,
            };
            count = Math.Min(count, int.MaxValue);
        }

        return count;
    }

    private long FragmentRootFields(string name)
    {
        if (_fragmentRootFields.TryGetValue(name, out long known))
        {
            return known;
        }

        if (!_fragments.TryGetValue(name, out var fragment))
        {
            return 0;
        }

        _fragmentRootFields[name] = 0;
        long count = RootFields(fragment.SelectionSet);
        _fragmentRootFields[name] = count;
        return count;
    }
}
