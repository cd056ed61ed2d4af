using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>Configures an enum type whose values are plain names (resolvers see the names as strings).</summary>
public class EnumTypeDescriptor
{
    internal EnumTypeDescriptor(string name)
    {
        NameValue = name;
    }

    internal string NameValue { get; private set; }

    internal string? DescriptionValue { get; private set; }

    internal List<EnumValueDescriptor> ValuesValue { get; } = [];

    internal List<AppliedDirective> DirectivesValue { get; } = [];

    internal virtual Type? RuntimeType => null;

    public EnumTypeDescriptor Name(string name)
    {
        NameValue = name;
        return this;
    }

    public EnumTypeDescriptor Description(string? description)
    {
        DescriptionValue = description;
        return this;
    }

    /// <summary>Adds a value named <paramref name="name"/>, or returns the one already declared.</summary>
    public EnumValueDescriptor Value(string name)
    {
        foreach (var value in ValuesValue)
        {
            if (value.NameValue == name)
            {
                return value;
            }
        }

        var created = new EnumValueDescriptor(name, name);
        ValuesValue.Add(created);
        return created;
    }

    public EnumTypeDescriptor Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        DirectivesValue.Add(new AppliedDirective(name, arguments));
        return this;
    }
}
