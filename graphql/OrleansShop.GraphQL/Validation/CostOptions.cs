namespace OrleansShop.GraphQL.Validation;

/// <summary>
/// Settings of cost analysis in HotChocolate's spirit (IBM's cost directive specification): the weights of fields,
/// the assumed sizes of lists, and the budget an operation must stay within. Limits are switched off with <c>null</c>.
/// </summary>
public sealed class CostOptions
{
    public static CostOptions Default { get; } = new();

    /// <summary>Most field cost an operation may have (the sum of its fields' weights times their list multipliers). Default 1 000.</summary>
    public double? MaxFieldCost { get; init; } = 1_000;

    /// <summary>Most objects an operation may produce (composite values times their list multipliers). Default 1 000.</summary>
    public double? MaxTypeCost { get; init; } = 1_000;

    /// <summary>Weight of a field returning an object, interface or union. Default 1.</summary>
    public double CompositeFieldWeight { get; init; } = 1;

    /// <summary>Weight of a field returning a scalar or enum read from its parent. Default 0.</summary>
    public double LeafFieldWeight { get; init; } = 0;

    /// <summary>Weight of a field with its own (asynchronous) resolver, which may call a grain or a database. Default 10.</summary>
    public double ResolverFieldWeight { get; init; } = 10;

    /// <summary>Size assumed for a list whose size no argument or <c>@listSize(assumedSize:)</c> tells. Default 10.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>Arguments that cap a list's size when a field defines them and has no <c>@listSize(slicingArguments:)</c>. Default first, last.</summary>
    public IReadOnlyList<string> DefaultSlicingArguments { get; init; } = ["first", "last"];

    /// <summary>Fields of a connection type multiplied by its slice size. Default edges, nodes.</summary>
    public IReadOnlyList<string> DefaultSizedFields { get; init; } = ["edges", "nodes"];

    /// <summary>Weights by schema coordinate (<c>"Query.products"</c>); they win over <c>@cost</c> and the defaults.</summary>
    public IReadOnlyDictionary<string, double> FieldWeights { get; init; } = new Dictionary<string, double>();

    /// <summary>Throws when a setting is out of range, so a misconfiguration fails at startup rather than on a request.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(CompositeFieldWeight, nameof(CompositeFieldWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(LeafFieldWeight, nameof(LeafFieldWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(ResolverFieldWeight, nameof(ResolverFieldWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(DefaultListSize, nameof(DefaultListSize));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxFieldCost ?? 0, nameof(MaxFieldCost));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxTypeCost ?? 0, nameof(MaxTypeCost));
        ArgumentNullException.ThrowIfNull(DefaultSlicingArguments, nameof(DefaultSlicingArguments));
        ArgumentNullException.ThrowIfNull(DefaultSizedFields, nameof(DefaultSizedFields));
        ArgumentNullException.ThrowIfNull(FieldWeights, nameof(FieldWeights));
    }
}
