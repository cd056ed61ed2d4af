namespace OrleansShop.GraphQL.Types;

/// <summary>A directive applied to a type system element, e.g. <c>@tag(name: "public")</c> on a field. Argument values are coerced.</summary>
public sealed class AppliedDirective
{
    public AppliedDirective(string name, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        NameValidator.EnsureValid(name);
        Name = name;
        Arguments = arguments ?? new Dictionary<string, object?>();
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The directive's definition in the schema; set when the schema is built.</summary>
    public DirectiveDefinition? Definition { get; internal set; }

    public override string ToString() => "@" + Name;
}
