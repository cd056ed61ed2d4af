using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>Configures one value of an enum type.</summary>
public sealed class EnumValueDescriptor
{
    internal EnumValueDescriptor(string name, object value)
    {
        NameValue = name;
        Value = value;
    }

    internal string NameValue { get; private set; }

    internal object Value { get; }

    internal string? DescriptionValue { get; private set; }

    internal string? DeprecationReasonValue { get; set; }

    internal List<AppliedDirective> DirectivesValue { get; } = [];

    internal bool Ignored { get; private set; }

    public EnumValueDescriptor Name(string name)
    {
        NameValue = name;
        return this;
    }

    public EnumValueDescriptor Description(string? description)
    {
        DescriptionValue = description;
        return this;
    }

    public EnumValueDescriptor Deprecated(string? reason = null)
    {
        DeprecationReasonValue = reason ?? SpecifiedDirectives.DefaultDeprecationReason;
        return this;
    }

    public EnumValueDescriptor Directive(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        DirectivesValue.Add(new AppliedDirective(name, arguments));
        return this;
    }

    /// <summary>Leaves the value out of the enum type.</summary>
    public EnumValueDescriptor Ignore()
    {
        Ignored = true;
        return this;
    }
}
