using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.Types;

/// <summary>A field of an object or interface type, with its arguments and the resolver that produces its value.</summary>
public sealed class FieldDefinition
{
    internal FieldDefinition(string name, GraphQLType type)
    {
        NameValidator.EnsureValid(name);
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    /// <summary>The output type of the field.</summary>
    public GraphQLType Type { get; internal set; }

    public IReadOnlyList<InputValueDefinition> Arguments { get; internal set; } = [];

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<AppliedDirective> Directives { get; internal set; } = [];

    /// <summary>The object or interface type that declares the field.</summary>
    public ComplexType DeclaringType { get; internal set; } = null!;

    /// <summary>Produces the field's value; when null the executor reads a property or dictionary entry of the parent named after the field.</summary>
    public FieldResolver? Resolver { get; internal set; }

    /// <summary>For a subscription root field: produces the stream of events, each of which is then resolved by <see cref="Resolver"/>.</summary>
    public SubscribeResolver? Subscriber { get; internal set; }

    /// <summary>A resolver that only reads the parent (a compiled property getter): the executor calls it without a resolver context.</summary>
    internal Func<object?, object?>? ParentGetter { get; set; }

    /// <summary>Finds an argument by name, or null.</summary>
    public InputValueDefinition? GetArgument(string name)
    {
        var arguments = Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Name == name)
            {
                return arguments[i];
            }
        }

        return null;
    }

    /// <summary>The schema coordinate of the field, e.g. <c>Query.product</c>.</summary>
    public override string ToString() => DeclaringType is null ? Name : DeclaringType.Name + "." + Name;
}
