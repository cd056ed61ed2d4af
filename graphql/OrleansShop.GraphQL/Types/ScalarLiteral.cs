namespace OrleansShop.GraphQL.Types;

/// <summary>
/// A literal as a scalar sees it: its kind and its text (the digits of a number, the value of a string,
/// the name of an enum value, <c>true</c>/<c>false</c>). Lists and objects are passed as their printed form.
/// </summary>
public readonly record struct ScalarLiteral(ScalarLiteralKind Kind, string Text)
{
    /// <summary>The literal's syntax when it came from a document, so scalars that read literals untyped see lists and objects whole.</summary>
    internal OrleansShop.GraphQL.Language.ValueNode? Syntax { get; init; }

    /// <summary>The literal as it would be printed in a document, for error messages.</summary>
    public override string ToString() => Kind == ScalarLiteralKind.String ? System.Text.Json.JsonSerializer.Serialize(Text) : Text;
}
