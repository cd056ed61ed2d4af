using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>Configures an object type. Use <see cref="ObjectTypeDescriptor{T}"/> to bind a CLR type and infer fields from it.</summary>
public class ObjectTypeDescriptor
{
    internal ObjectTypeDescriptor(string name)
    {
        NameValue = name;
    }

    internal string NameValue { get; private set; }

    internal string? DescriptionValue { get; private set; }

    internal List<TypeReference> InterfacesValue { get; } = [];

    internal FieldCollection FieldsValue { get; } = new();

    internal List<AppliedDirective> DirectivesValue { get; } = [];

    internal Func<object, bool>? IsTypeOfValue { get; private set; }

    internal virtual Type? RuntimeType => null;

    public ObjectTypeDescriptor Name(string name)
    {
        NameValue = name;
        return this;
    }

    public ObjectTypeDescriptor Description(string? description)
    {
        DescriptionValue = description;
        return this;
    }

    /// <summary>Declares that the type implements the interface named <paramref name="interfaceName"/>.</summary>
    public ObjectTypeDescriptor Implements(string interfaceName)
    {
        InterfacesValue.Add(TypeReference.FromSyntax(interfaceName));
        return this;
    }

    /// <summary>Declares that the type implements the interface bound to the CLR type <typeparamref name="TInterface"/>.</summary>
    public ObjectTypeDescriptor Implements<TInterface>()
    {
        InterfacesValue.Add(new ClrTypeReference(typeof(TInterface), true, null));
        return this;
    }

    /// <summary>Adds a field, or returns the one already declared with that name.</summary>
    public FieldDescriptor Field(string name) => FieldsValue.GetOrAdd(name);

    public ObjectTypeDescriptor Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        DirectivesValue.Add(new AppliedDirective(name, arguments));
        return this;
    }

    /// <summary>Tells whether a value is of this type when an interface or union resolves its concrete type.</summary>
    public ObjectTypeDescriptor IsTypeOf(Func<object, bool> predicate)
    {
        IsTypeOfValue = predicate;
        return this;
    }

    /// <summary>Adds the fields that the CLR type contributes implicitly, before the type is built.</summary>
    internal virtual void AddImplicitFields()
    {
    }
}
