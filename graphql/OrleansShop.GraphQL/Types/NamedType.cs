namespace OrleansShop.GraphQL.Types;

/// <summary>A type with a name: scalar, object, interface, union, enum or input object. Named types compare by reference.</summary>
public abstract class NamedType : GraphQLType
{
    private protected NamedType(string name, string? description)
    {
        NameValidator.EnsureValid(name);
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    /// <summary>Directives applied to the type's definition (e.g. <c>@oneOf</c>, custom directives).</summary>
    public IReadOnlyList<AppliedDirective> Directives { get; internal set; } = [];

    public override NamedType GetNamedType() => this;

    /// <summary>True for the types the specification defines (built-in scalars and introspection types).</summary>
    public bool IsSpecified { get; internal set; }

    public override string ToString() => Name;
}
