using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>Configures an argument of a field or directive, or a field of an input object.</summary>
public sealed class InputValueDescriptor
{
    internal InputValueDescriptor(string name)
    {
        NameValue = name;
    }

    internal string NameValue { get; private set; }

    internal string? DescriptionValue { get; private set; }

    internal TypeReference? TypeValue { get; set; }

    internal bool HasDefault { get; private set; }

    internal object? DefaultValueValue { get; private set; }

    /// <summary>A default written in SDL, coerced when the schema is built.</summary>
    internal ValueNode? DefaultLiteral { get; set; }

    internal string? DeprecationReasonValue { get; set; }

    internal List<AppliedDirective> DirectivesValue { get; } = [];

    /// <summary>For an input field bound to a CLR property: the property's name.</summary>
    internal string? ClrMemberName { get; set; }

    internal bool Ignored { get; set; }

    public InputValueDescriptor Name(string name)
    {
        NameValue = name;
        return this;
    }

    public InputValueDescriptor Description(string? description)
    {
        DescriptionValue = description;
        return this;
    }

    /// <summary>The input type in SDL syntax, e.g. <c>Int!</c> or <c>[ID!]</c>.</summary>
    public InputValueDescriptor Type(string type)
    {
        TypeValue = TypeReference.FromSyntax(type);
        return this;
    }

    public InputValueDescriptor Type(GraphQLType type)
    {
        TypeValue = new DirectTypeReference(type);
        return this;
    }

    /// <summary>The input type inferred from a CLR type: value types are non-null, reference types nullable.</summary>
    public InputValueDescriptor Type<TClr>()
    {
        TypeValue = ClrTypeInspector.FromType(typeof(TClr), nullable: null);
        return this;
    }

    /// <summary>The default value, as the .NET value a resolver would receive (e.g. <c>10</c>, an enum member, a bound input record).</summary>
    public InputValueDescriptor DefaultValue(object? value)
    {
        HasDefault = true;
        DefaultValueValue = value;
        DefaultLiteral = null;
        return this;
    }

    internal void SetDefaultLiteral(ValueNode literal)
    {
        HasDefault = true;
        DefaultLiteral = literal;
    }

    public InputValueDescriptor Deprecated(string? reason = null)
    {
        DeprecationReasonValue = reason ?? SpecifiedDirectives.DefaultDeprecationReason;
        return this;
    }

    public InputValueDescriptor Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        DirectivesValue.Add(new AppliedDirective(name, arguments));
        return this;
    }

    /// <summary>Leaves an implicitly bound CLR property out of the input object.</summary>
    public InputValueDescriptor Ignore()
    {
        Ignored = true;
        return this;
    }
}
