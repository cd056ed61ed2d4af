using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Types;

/// <summary>A directive definition (spec 3.13 Directives).</summary>
public sealed class DirectiveDefinition
{
    internal DirectiveDefinition(string name, IReadOnlyList<DirectiveLocation> locations)
    {
        NameValidator.EnsureValid(name);
        Name = name;
        Locations = locations;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    public IReadOnlyList<InputValueDefinition> Arguments { get; internal set; } = [];

    public IReadOnlyList<DirectiveLocation> Locations { get; internal set; }

    /// <summary>True when the directive may appear more than once at one location.</summary>
    public bool IsRepeatable { get; internal set; }

    /// <summary>True for the directives the specification defines: @skip, @include, @deprecated, @specifiedBy, @oneOf.</summary>
    public bool IsSpecified { get; internal set; }

    public bool HasLocation(DirectiveLocation location)
    {
        foreach (var candidate in Locations)
        {
            if (candidate == location)
            {
                return true;
            }
        }

        return false;
    }

    public InputValueDefinition? GetArgument(string name)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    public override string ToString() => "@" + Name;
}
