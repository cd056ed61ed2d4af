namespace OrleansShop.GraphQL.Validation;

/// <summary>
/// Settings of document validation: error reporting and the protective limits checked before the rules run.
/// Every limit can be switched off with <c>null</c>. Bind from configuration (e.g. <c>OrleansShop__GraphQL__Validation__MaxDepth</c>).
/// </summary>
public sealed class ValidationOptions
{
    /// <summary>The defaults used when no options are given.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>Validation stops after this many errors (graphql-js <c>maxErrors</c>). Default 100.</summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>Leave out "Did you mean ...?" hints so error messages do not reveal the schema. Default false.</summary>
    public bool HideSuggestions { get; init; }

    /// <summary>
    /// Deepest nesting of fields in an operation, fragments expanded (<c>{ a { b } }</c> has depth 2). Default 32:
    /// the full introspection query reaches 13, real operations rarely pass 10.
    /// </summary>
    public int? MaxDepth { get; init; } = 32;

    /// <summary>Most aliased fields in a document (the alias flood <c>{ a1: f a2: f ... }</c>). Default 256.</summary>
    public int? MaxAliases { get; init; } = 256;

    /// <summary>Most field selections written in a document, fragments counted once. Default 2 000.</summary>
    public int? MaxFieldSelections { get; init; } = 2_000;

    /// <summary>Most fields selected at the root of one operation, fragments expanded (a batch of root queries). Default 64.</summary>
    public int? MaxRootFields { get; init; } = 64;

    /// <summary>
    /// Depth of nested introspection lists (<c>fields</c>, <c>interfaces</c>, <c>possibleTypes</c>, <c>inputFields</c>) under
    /// <c>__schema</c> or <c>__type</c> that is refused with graphql-js's "Maximum introspection depth exceeded". Default 3, as
    /// graphql-js: <c>types { fields { type { fields { ... } } } }</c> passes, one more nested list does not. The standard
    /// introspection query nests one; <c>ofType</c> chains are not counted. Null switches the guard off.
    /// </summary>
    public int? MaxIntrospectionListDepth { get; init; } = 3;

    /// <summary>Options with every protective limit switched off: only the specification's rules run.</summary>
    public static ValidationOptions SpecificationOnly { get; } = new()
    {
        MaxDepth = null,
        MaxAliases = null,
        MaxFieldSelections = null,
        MaxRootFields = null,
    };

    /// <summary>Throws when a setting is out of range, so a misconfiguration fails at startup rather than on a request.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxErrors, 1, nameof(MaxErrors));
        ThrowIfNegative(MaxDepth, nameof(MaxDepth));
        ThrowIfNegative(MaxAliases, nameof(MaxAliases));
        ThrowIfNegative(MaxFieldSelections, nameof(MaxFieldSelections));
        ThrowIfNegative(MaxRootFields, nameof(MaxRootFields));
        if (MaxIntrospectionListDepth is { } listDepth)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(listDepth, 1, nameof(MaxIntrospectionListDepth));
        }
    }

    private static void ThrowIfNegative(int? value, string name)
    {
        if (value is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit, name);
        }
    }
}
