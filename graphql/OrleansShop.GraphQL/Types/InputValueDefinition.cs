namespace OrleansShop.GraphQL.Types;

/// <summary>
/// An argument of a field or directive, or a field of an input object (spec <c>__InputValue</c>).
/// <see cref="DefaultValue"/> is the coerced (internal) default, printed back as a literal by the SDL printer and introspection.
/// </summary>
public sealed class InputValueDefinition
{
    internal InputValueDefinition(string name, GraphQLType type)
    {
        NameValidator.EnsureValid(name);
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    /// <summary>The input type of the value.</summary>
    public GraphQLType Type { get; internal set; }

    /// <summary>True when a default value is defined, even a <c>null</c> one.</summary>
    public bool HasDefaultValue { get; internal set; }

    /// <summary>The coerced default value; meaningful only when <see cref="HasDefaultValue"/> is true.</summary>
    public object? DefaultValue { get; internal set; }

    /// <summary>The default as written in SDL, if it came from SDL; printed as written, as graphql-js 17 does.</summary>
    public Language.ValueNode? DefaultValueLiteral { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<AppliedDirective> Directives { get; internal set; } = [];

    /// <summary>True when the value must be provided: a non-null type without a default.</summary>
    public bool IsRequired => Type.IsNonNull && !HasDefaultValue;

    /// <summary>For an input object field bound to a CLR type, the CLR member the value is written to.</summary>
    internal string? RuntimeMemberName { get; set; }

    public override string ToString() => Name + ": " + Type;
}
