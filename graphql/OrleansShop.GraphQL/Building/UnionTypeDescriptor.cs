using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>Configures a union type.</summary>
public sealed class UnionTypeDescriptor
{
    internal UnionTypeDescriptor(string name)
    {
        NameValue = name;
    }

    internal string NameValue { get; private set; }

    internal string? DescriptionValue { get; private set; }

    internal List<TypeReference> TypesValue { get; } = [];

    internal List<AppliedDirective> DirectivesValue { get; } = [];

    internal TypeResolver? ResolveTypeValue { get; private set; }

    public UnionTypeDescriptor Name(string name)
    {
        NameValue = name;
        return this;
    }

    public UnionTypeDescriptor Description(string? description)
    {
        DescriptionValue = description;
        return this;
    }

    /// <summary>Adds member object types by name.</summary>
    public UnionTypeDescriptor Types(params string[] typeNames)
    {
        foreach (var name in typeNames)
        {
            TypesValue.Add(TypeReference.FromSyntax(name));
        }

        return this;
    }

    /// <summary>Adds the object type bound to the CLR type <typeparamref name="TMember"/>.</summary>
    public UnionTypeDescriptor Type<TMember>()
    {
        TypesValue.Add(new ClrTypeReference(typeof(TMember), true, null));
        return this;
    }

    public UnionTypeDescriptor Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        DirectivesValue.Add(new AppliedDirective(name, arguments));
        return this;
    }

    /// <summary>Names the concrete object type of a value; by default the member bound to the value's CLR type is used.</summary>
    public UnionTypeDescriptor ResolveType(TypeResolver resolver)
    {
        ResolveTypeValue = resolver;
        return this;
    }
}
