using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Types;

/// <summary>The directives every schema has (spec 3.13): @skip, @include, @deprecated, @specifiedBy and @oneOf.</summary>
public static class SpecifiedDirectives
{
    /// <summary>The reason @deprecated gives when none is stated.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    public static DirectiveDefinition Include { get; } = Create(
        "include",
        "Directs the executor to include this field or fragment only when the `if` argument is true.",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        Argument("if", new NonNullType(ScalarType.Boolean), "Included when true."));

    public static DirectiveDefinition Skip { get; } = Create(
        "skip",
        "Directs the executor to skip this field or fragment when the `if` argument is true.",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        Argument("if", new NonNullType(ScalarType.Boolean), "Skipped when true."));

    public static DirectiveDefinition Deprecated { get; } = Create(
        "deprecated",
        "Marks an element of a GraphQL schema as no longer supported.",
        [DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue],
        Argument(
            "reason",
            ScalarType.String,
            "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
            DefaultDeprecationReason));

    public static DirectiveDefinition SpecifiedBy { get; } = Create(
        "specifiedBy",
        "Exposes a URL that specifies the behavior of this scalar.",
        [DirectiveLocation.Scalar],
        Argument("url", new NonNullType(ScalarType.String), "The URL that specifies the behavior of this scalar."));

    public static DirectiveDefinition OneOf { get; } = Create(
        "oneOf",
        "Indicates exactly one field must be supplied and this field must not be `null`.",
        [DirectiveLocation.InputObject]);

    /// <summary>All of them, in the order graphql-js lists them.</summary>
    public static IReadOnlyList<DirectiveDefinition> All { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    public static bool IsSpecified(string name) => name is "include" or "skip" or "deprecated" or "specifiedBy" or "oneOf";

    private static DirectiveDefinition Create(string name, string description, DirectiveLocation[] locations, InputValueDefinition? argument = null) =>
        new(name, locations)
        {
            Description = description,
            Arguments = argument is null ? [] : [argument],
            IsSpecified = true,
        };

    private static InputValueDefinition Argument(string name, GraphQLType type, string description, object? defaultValue = null) =>
        new(name, type)
        {
            Description = description,
            HasDefaultValue = defaultValue is not null,
            DefaultValue = defaultValue,
        };
}
