namespace OrleansShop.GraphQL.Types;

/// <summary>A value of an enum type: its GraphQL name and the .NET value resolvers use.</summary>
public sealed class EnumValueDefinition
{
    internal EnumValueDefinition(string name, object value)
    {
        NameValidator.EnsureValid(name);
        Name = name;
        Value = value;
    }

    public string Name { get; }

    /// <summary>The internal value: a CLR enum member, or the name itself when the enum is not bound to a CLR enum.</summary>
    public object Value { get; }

    public string? Description { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<AppliedDirective> Directives { get; internal set; } = [];

    public override string ToString() => Name;
}
