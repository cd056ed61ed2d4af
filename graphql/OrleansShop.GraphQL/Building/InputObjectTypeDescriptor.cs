using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>Configures an input object type whose values resolvers see as dictionaries. Use <see cref="InputObjectTypeDescriptor{T}"/> to bind a CLR type.</summary>
public class InputObjectTypeDescriptor
{
    internal InputObjectTypeDescriptor(string name)
    {
        NameValue = name;
    }

    internal string NameValue { get; private set; }

    internal string? DescriptionValue { get; private set; }

    internal List<InputValueDescriptor> FieldsValue { get; } = [];

    internal List<AppliedDirective> DirectivesValue { get; } = [];

    internal bool IsOneOfValue { get; private set; }

    internal virtual Type? RuntimeType => null;

    public InputObjectTypeDescriptor Name(string name)
    {
        NameValue = name;
        return this;
    }

    public InputObjectTypeDescriptor Description(string? description)
    {
        DescriptionValue = description;
        return this;
    }

    /// <summary>Adds a field of the given SDL type, or returns the one already declared with that name.</summary>
    public InputValueDescriptor Field(string name, string? type = null)
    {
        var field = FindField(name);
        if (field is null)
        {
            field = new InputValueDescriptor(name);
            FieldsValue.Add(field);
        }

        if (type is not null)
        {
            field.Type(type);
        }

        return field;
    }

    /// <summary>Makes this a OneOf input object (<c>@oneOf</c>): exactly one field must be given, and not as null.</summary>
    public InputObjectTypeDescriptor OneOf()
    {
        IsOneOfValue = true;
        return this;
    }

    public InputObjectTypeDescriptor Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        DirectivesValue.Add(new AppliedDirective(name, arguments));
        return this;
    }

    internal InputValueDescriptor? FindField(string name)
    {
        foreach (var field in FieldsValue)
        {
            if (field.NameValue == name)
            {
                return field;
            }
        }

        return null;
    }

    internal virtual void AddImplicitFields()
    {
    }
}
