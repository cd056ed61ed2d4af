using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>Configures an interface type.</summary>
public sealed class InterfaceTypeDescriptor
{
    internal InterfaceTypeDescriptor(string name, Type? runtimeType)
    {
        NameValue = name;
        RuntimeType = runtimeType;
    }

    internal string NameValue { get; private set; }

    internal string? DescriptionValue { get; private set; }

    internal Type? RuntimeType { get; }

    internal List<TypeReference> InterfacesValue { get; } = [];

    internal FieldCollection FieldsValue { get; } = new();

    internal List<AppliedDirective> DirectivesValue { get; } = [];

    internal TypeResolver? ResolveTypeValue { get; private set; }

    public InterfaceTypeDescriptor Name(string name)
    {
        NameValue = name;
        return this;
    }

    public InterfaceTypeDescriptor Description(string? description)
    {
        DescriptionValue = description;
        return this;
    }

    /// <summary>Declares that this interface implements the interface named <paramref name="interfaceName"/>.</summary>
    public InterfaceTypeDescriptor Implements(string interfaceName)
    {
        InterfacesValue.Add(TypeReference.FromSyntax(interfaceName));
        return this;
    }

    public FieldDescriptor Field(string name) => FieldsValue.GetOrAdd(name);

    public InterfaceTypeDescriptor Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        DirectivesValue.Add(new AppliedDirective(name, arguments));
        return this;
    }

    /// <summary>Names the concrete object type of a value; by default the implementing type bound to the value's CLR type is used.</summary>
    public InterfaceTypeDescriptor ResolveType(TypeResolver resolver)
    {
        ResolveTypeValue = resolver;
        return this;
    }
}
