using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.Types;

/// <summary>An interface type (spec 3.7 Interfaces); interfaces may implement other interfaces.</summary>
public sealed class InterfaceType : ComplexType
{
    internal InterfaceType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Interface;

    /// <summary>Picks the concrete object type of a value; when null the executor uses the possible types' runtime types, IsTypeOf or a <c>__typename</c> entry.</summary>
    public TypeResolver? ResolveType { get; internal set; }
}
