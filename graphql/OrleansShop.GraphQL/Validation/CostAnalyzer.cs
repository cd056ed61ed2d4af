using System.Globalization;
using System.Text.Json;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation;

/// <summary>
/// Computes an operation's cost before it executes, with its variables applied (slicing arguments, <c>@skip</c>/<c>@include</c>),
/// and refuses it when over budget. A field weighs <see cref="CostOptions.FieldWeights"/>, else <c>@cost(weight:)</c>, else
/// <see cref="CostOptions.ResolverFieldWeight"/> for a field with its own resolver, <see cref="CostOptions.CompositeFieldWeight"/>
/// for an object, <see cref="CostOptions.LeafFieldWeight"/> for a scalar. A list multiplies everything below it by its size: the
/// largest slicing argument given (<c>first</c>, <c>last</c>, or <c>@listSize(slicingArguments:)</c>), else
/// <c>@listSize(assumedSize:)</c>, else <see cref="CostOptions.DefaultListSize"/>; on a connection the size multiplies its
/// sized fields (<c>edges</c>, <c>nodes</c>). Introspection costs nothing (its depth is guarded by validation).
/// Run it on a validated document; the walk is linear, fragments are costed once.
/// </summary>
public sealed class CostAnalyzer
{
    private readonly GraphQLSchema _schema;
    private readonly CostOptions _options;
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, IReadOnlyList<string>?, double), OperationCost> _fragmentCosts = [];
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private OperationDefinitionNode? _operation;
    private GraphQLError? _slicingError;

    private CostAnalyzer(GraphQLSchema schema, CostOptions options, IReadOnlyDictionary<string, object?>? variables)
    {
        _schema = schema;
        _options = options;
        _variables = variables ?? new Dictionary<string, object?>();
    }

    /// <summary>Computes the cost of the operation called <paramref name="operationName"/> (or the only one) and checks it against the budget.</summary>
    public static CostAnalysisResult Analyze(
        GraphQLSchema schema,
        DocumentNode document,
        string? operationName = null,
        IReadOnlyDictionary<string, object?>? variables = null,
        CostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        options ??= CostOptions.Default;
        var (cost, slicingError) = Run(schema, document, operationName, variables, options);
        return new CostAnalysisResult(cost, slicingError ?? Check(cost, options));
    }

    /// <summary>Computes the cost only.</summary>
    public static OperationCost Compute(
        GraphQLSchema schema,
        DocumentNode document,
        string? operationName = null,
        IReadOnlyDictionary<string, object?>? variables = null,
        CostOptions? options = null) => Run(schema, document, operationName, variables, options ?? CostOptions.Default).Cost;

    private static (OperationCost Cost, GraphQLError? SlicingError) Run(
        GraphQLSchema schema,
        DocumentNode document,
        string? operationName,
        IReadOnlyDictionary<string, object?>? variables,
        CostOptions options)
    {
        var analyzer = new CostAnalyzer(schema, options, variables);
        OperationDefinitionNode? operation = null;
        int operations = 0;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case FragmentDefinitionNode fragment:
                    analyzer._fragments.TryAdd(fragment.Name.Value, fragment);
                    break;
                case OperationDefinitionNode candidate:
                    operations++;
                    if (operationName is null ? operation is null : candidate.Name?.Value == operationName)
                    {
                        operation = candidate;
                    }

                    break;
            }
        }

        if (operation is null || (operationName is null && operations > 1) || schema.GetRootType(operation.Operation) is not { } root)
        {
            return default;
        }

        analyzer._operation = operation;
        try
        {
            var cost = analyzer.SelectionSet(operation.SelectionSet, root, 1, null, 1);
            return (cost, analyzer._slicingError);
        }
        catch (InsufficientExecutionStackException)
        {
            // Too deep to cost: priced beyond any budget.
            return (new OperationCost(double.PositiveInfinity, double.PositiveInfinity), DocumentLimits.TooComplex());
        }
    }

    private static GraphQLError? Check(OperationCost cost, CostOptions options)
    {
        string? message = null;
        if (options.MaxFieldCost is { } maxField && cost.FieldCost > maxField)
        {
            message = $"The operation's field cost of {Format(cost.FieldCost)} exceeds the maximum allowed field cost of {Format(maxField)}.";
        }
        else if (options.MaxTypeCost is { } maxType && cost.TypeCost > maxType)
        {
            message = $"The operation's type cost of {Format(cost.TypeCost)} exceeds the maximum allowed type cost of {Format(maxType)}.";
        }

        if (message is null)
        {
            return null;
        }

        return new GraphQLError(message, extensions: new Dictionary<string, object?>
        {
            ["code"] = "MAX_COST_EXCEEDED",
            ["fieldCost"] = cost.FieldCost,
            ["typeCost"] = cost.TypeCost,
            ["maxFieldCost"] = options.MaxFieldCost,
            ["maxTypeCost"] = options.MaxTypeCost,
        });
    }

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Cost of a selection set reached <paramref name="multiplier"/> times; fields named in <paramref name="sizedFields"/>
    /// (the edges and nodes of a connection) are reached <paramref name="sizedMultiplier"/> times more.
    /// </summary>
    private OperationCost SelectionSet(SelectionSetNode selectionSet, NamedType parentType, double multiplier, IReadOnlyList<string>? sizedFields, double sizedMultiplier)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        double fieldCost = 0, typeCost = 0;
        foreach (var selection in selectionSet.Selections)
        {
            if (!IsIncluded(selection))
            {
                continue;
            }

            OperationCost part = selection switch
            {
                FieldNode field => Field(field, parentType, multiplier, sizedFields, sizedMultiplier),
                InlineFragmentNode inline => SelectionSet(
                    inline.SelectionSet,
                    inline.TypeCondition is { } condition ? _schema.GetNamedType(condition.Name.Value) ?? parentType : parentType,
                    multiplier,
                    sizedFields,
                    sizedMultiplier),
                FragmentSpreadNode spread => Scale(Fragment(spread.Name.Value, parentType, sizedFields, sizedMultiplier), multiplier),
                _ => default,
            };
            fieldCost += part.FieldCost;
            typeCost += part.TypeCost;
        }

        return new OperationCost(fieldCost, typeCost);
    }

    private static OperationCost Scale(OperationCost cost, double multiplier) =>
        new(cost.FieldCost * multiplier, cost.TypeCost * multiplier);

    /// <summary>A fragment's cost per time it is reached; costs scale linearly, so it is computed once.</summary>
    private OperationCost Fragment(string name, NamedType parentType, IReadOnlyList<string>? sizedFields, double sizedMultiplier)
    {
        if (_fragmentCosts.TryGetValue((name, sizedFields, sizedMultiplier), out var known))
        {
            return known;
        }

        if (!_fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
        {
            return default;
        }

        var type = _schema.GetNamedType(fragment.TypeCondition.Name.Value) ?? parentType;
        var cost = SelectionSet(fragment.SelectionSet, type, 1, sizedFields, sizedMultiplier);
        _inProgress.Remove(name);
        _fragmentCosts[(name, sizedFields, sizedMultiplier)] = cost;
        return cost;
    }

    private OperationCost Field(FieldNode field, NamedType parentType, double multiplier, IReadOnlyList<string>? sizedFields, double sizedMultiplier)
    {
        string name = field.Name.Value;
        if (name.StartsWith("__", StringComparison.Ordinal)
            || TypeInfo.GetFieldDefinition(_schema, parentType, name) is not { } definition)
        {
            return default;
        }

        bool isSized = sizedFields is not null && sizedFields.Contains(name);
        double reached = isSized ? multiplier * sizedMultiplier : multiplier;
        double fieldCost = reached * Weight(definition);
        var namedType = definition.Type.GetNamedType();
        if (!namedType.IsCompositeType || field.SelectionSet is null)
        {
            return new OperationCost(fieldCost, 0);
        }

        var listSize = FindAppliedDirective(definition, "listSize");
        if (listSize is not null)
        {
            CheckSlicingArguments(field, definition, listSize);
        }

        IReadOnlyList<string>? childSized = null;
        double childSizedMultiplier = 1;
        double childMultiplier = reached;
        if (definition.Type.NullableType is ListType)
        {
            // A connection's edges or nodes list is already sized by the connection's slicing argument.
            if (!isSized)
            {
                childMultiplier = reached * ListSize(field, definition, listSize);
            }
        }
        else if (SizedFields(definition, namedType, listSize) is { } sized)
        {
            childSized = sized;
            childSizedMultiplier = ListSize(field, definition, listSize);
        }

        var children = SelectionSet(field.SelectionSet, namedType, childMultiplier, childSized, childSizedMultiplier);
        return new OperationCost(fieldCost + children.FieldCost, childMultiplier + children.TypeCost);
    }

    private double Weight(FieldDefinition definition)
    {
        if (_options.FieldWeights.Count > 0 && _options.FieldWeights.TryGetValue(definition.ToString(), out double configured))
        {
            return configured;
        }

        if (FindAppliedDirective(definition, "cost") is { } cost && cost.Arguments.TryGetValue("weight", out var weight)
            && ToNumber(weight) is { } parsed)
        {
            return parsed;
        }

        if (definition.Resolver is not null && definition.ParentGetter is null)
        {
            return _options.ResolverFieldWeight;
        }

        return definition.Type.GetNamedType().IsCompositeType ? _options.CompositeFieldWeight : _options.LeafFieldWeight;
    }

    /// <summary>The fields of a connection multiplied by the slice: <c>@listSize(sizedFields:)</c>, or edges/nodes of a type with slicing arguments.</summary>
    private IReadOnlyList<string>? SizedFields(FieldDefinition definition, NamedType type, AppliedDirective? listSize)
    {
        if (listSize is not null && listSize.Arguments.TryGetValue("sizedFields", out var value) && Strings(value) is { Count: > 0 } declared)
        {
            return declared;
        }

        if (type is not ComplexType complex || SlicingArguments(definition, listSize).Count == 0)
        {
            return null;
        }

        foreach (var sized in _options.DefaultSizedFields)
        {
            if (complex.GetField(sized) is not null)
            {
                return _options.DefaultSizedFields;
            }
        }

        return null;
    }

    /// <summary>
    /// <c>@listSize(slicingArguments:)</c> with <c>requireOneSlicingArgument</c> (true unless set false) demands exactly one
    /// slicing argument with a value, so a client cannot leave a list unbounded or pass two contradicting limits.
    /// </summary>
    private void CheckSlicingArguments(FieldNode field, FieldDefinition definition, AppliedDirective listSize)
    {
        if (_slicingError is not null
            || !listSize.Arguments.TryGetValue("slicingArguments", out var declared) || Strings(declared) is not { Count: > 0 } names
            || (listSize.Arguments.TryGetValue("requireOneSlicingArgument", out var require) && require is false))
        {
            return;
        }

        int given = 0;
        foreach (var argument in field.Arguments)
        {
            if (names.Contains(argument.Name.Value) && HasValue(argument.Value))
            {
                given++;
            }
        }

        if (given != 1)
        {
            _slicingError = GraphQLError.At(
                $"Exactly one slicing argument of \"{definition}\" must be given: {string.Join(", ", names.Select(n => "\"" + n + "\""))}.",
                [field],
                "SLICING_ARGUMENT_REQUIRED");
        }
    }

    private bool HasValue(ValueNode value)
    {
        if (value is NullValueNode)
        {
            return false;
        }

        if (value is not VariableNode variable)
        {
            return true;
        }

        if (_variables.TryGetValue(variable.Name.Value, out var given))
        {
            return given is not null and not JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined };
        }

        foreach (var definition in _operation?.VariableDefinitions ?? [])
        {
            if (definition.Variable.Name.Value == variable.Name.Value)
            {
                return definition.DefaultValue is not null and not NullValueNode;
            }
        }

        return false;
    }

    private List<string> SlicingArguments(FieldDefinition definition, AppliedDirective? listSize)
    {
        var candidates = listSize is not null && listSize.Arguments.TryGetValue("slicingArguments", out var value) && Strings(value) is { } declared
            ? declared
            : _options.DefaultSlicingArguments;
        var result = new List<string>();
        foreach (var candidate in candidates)
        {
            if (definition.GetArgument(candidate) is not null)
            {
                result.Add(candidate);
            }
        }

        return result;
    }

    private double ListSize(FieldNode field, FieldDefinition definition, AppliedDirective? listSize)
    {
        double? size = null;
        foreach (var slicing in SlicingArguments(definition, listSize))
        {
            if (ArgumentValue(field, definition, slicing) is { } given)
            {
                size = Math.Max(size ?? 0, given);
            }
        }

        if (size is { } sliced)
        {
            return Math.Max(sliced, 0);
        }

        if (listSize is not null && listSize.Arguments.TryGetValue("assumedSize", out var assumed) && ToNumber(assumed) is { } assumedSize)
        {
            return assumedSize;
        }

        return _options.DefaultListSize;
    }

    /// <summary>A numeric argument's value: the literal, the variable's value or default, or the argument's default.</summary>
    private double? ArgumentValue(FieldNode field, FieldDefinition definition, string name)
    {
        foreach (var argument in field.Arguments)
        {
            if (argument.Name.Value == name)
            {
                return Literal(argument.Value);
            }
        }

        var argumentDefinition = definition.GetArgument(name);
        return argumentDefinition is { HasDefaultValue: true } ? ToNumber(argumentDefinition.DefaultValue) : null;
    }

    private double? Literal(ValueNode value)
    {
        switch (value)
        {
            case IntValueNode or FloatValueNode:
                return double.TryParse(Printer.Print(value), NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? number : null;
            case VariableNode variable:
                if (_variables.TryGetValue(variable.Name.Value, out var given))
                {
                    return ToNumber(given);
                }

                foreach (var definition in _operation?.VariableDefinitions ?? [])
                {
                    if (definition.Variable.Name.Value == variable.Name.Value && definition.DefaultValue is { } defaultValue)
                    {
                        return Literal(defaultValue);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private bool IsIncluded(SelectionNode selection)
    {
        foreach (var directive in selection.Directives)
        {
            bool isSkip = directive.Name.Value == "skip";
            if (!isSkip && directive.Name.Value != "include")
            {
                continue;
            }

            bool? condition = null;
            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == "if")
                {
                    condition = argument.Value switch
                    {
                        BooleanValueNode boolean => boolean.Value,
                        VariableNode variable => VariableBoolean(variable.Name.Value),
                        _ => null,
                    };
                }
            }

            // An unknown condition counts the selection: the cost is an upper bound.
            if (condition is { } value && value == isSkip)
            {
                return false;
            }
        }

        return true;
    }

    private bool? VariableBoolean(string name)
    {
        if (_variables.TryGetValue(name, out var value))
        {
            return value switch
            {
                bool b => b,
                JsonElement { ValueKind: JsonValueKind.True } => true,
                JsonElement { ValueKind: JsonValueKind.False } => false,
                _ => null,
            };
        }

        foreach (var definition in _operation?.VariableDefinitions ?? [])
        {
            if (definition.Variable.Name.Value == name && definition.DefaultValue is BooleanValueNode boolean)
            {
                return boolean.Value;
            }
        }

        return null;
    }

    private static AppliedDirective? FindAppliedDirective(FieldDefinition definition, string name)
    {
        foreach (var directive in definition.Directives)
        {
            if (directive.Name == name)
            {
                return directive;
            }
        }

        return null;
    }

    private static double? ToNumber(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        decimal m => (double)m,
        short s => s,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) => parsed,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.String } e when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) => parsed,
        _ => null,
    };

    private static List<string>? Strings(object? value)
    {
        if (value is string single)
        {
            return [single];
        }

        if (value is System.Collections.IEnumerable items)
        {
            var result = new List<string>();
            foreach (var item in items)
            {
                if (item is string s)
                {
                    result.Add(s);
                }
            }

            return result;
        }

        return null;
    }
}
