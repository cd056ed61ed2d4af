using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.Types;

/// <summary>A union type (spec 3.8 Unions).</summary>
public sealed class UnionType : NamedType
{
    internal UnionType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Union;

    /// <summary>The member object types, in definition order.</summary>
    public IReadOnlyList<ObjectType> Types { get; internal set; } = [];

    /// <summary>Picks the concrete object type of a value; when null the executor uses the members' runtime types, IsTypeOf or a <c>__typename</c> entry.</summary>
    public TypeResolver? ResolveType { get; internal set; }
}
