namespace OrleansShop.GraphQL.Types;

/// <summary>An object type (spec 3.6 Objects).</summary>
public sealed class ObjectType : ComplexType
{
    internal ObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Object;

    /// <summary>The CLR type of the values this type represents, if bound; used to resolve abstract types.</summary>
    public Type? RuntimeType { get; internal set; }

    /// <summary>Tells whether a value belongs to this type when an interface or union must pick its concrete type.</summary>
    public Func<object, bool>? IsTypeOf { get; internal set; }
}
