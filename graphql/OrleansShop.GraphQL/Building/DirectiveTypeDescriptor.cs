using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Building;

/// <summary>Configures a custom directive definition.</summary>
public sealed class DirectiveTypeDescriptor
{
    internal DirectiveTypeDescriptor(string name)
    {
        NameValue = name;
    }

    internal string NameValue { get; }

    internal string? DescriptionValue { get; private set; }

    internal List<InputValueDescriptor> ArgumentsValue { get; } = [];

    internal List<DirectiveLocation> LocationsValue { get; } = [];

    internal bool IsRepeatableValue { get; private set; }

    public DirectiveTypeDescriptor Description(string? description)
    {
        DescriptionValue = description;
        return this;
    }

    public DirectiveTypeDescriptor Location(params DirectiveLocation[] locations)
    {
        LocationsValue.AddRange(locations);
        return this;
    }

    public DirectiveTypeDescriptor Argument(string name, string type, Action<InputValueDescriptor>? configure = null)
    {
        var argument = new InputValueDescriptor(name) { TypeValue = TypeReference.FromSyntax(type) };
        configure?.Invoke(argument);
        ArgumentsValue.Add(argument);
        return this;
    }

    /// <summary>Allows the directive more than once at one location.</summary>
    public DirectiveTypeDescriptor Repeatable()
    {
        IsRepeatableValue = true;
        return this;
    }
}
