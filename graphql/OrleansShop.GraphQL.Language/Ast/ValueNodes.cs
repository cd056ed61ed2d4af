namespace OrleansShop.GraphQL.Language;

/// <summary>A Value (spec 2.9). Numbers keep their source text so no precision is lost before coercion.</summary>
public abstract class ValueNode : SyntaxNode
{
    private protected ValueNode()
    {
    }
}

/// <summary>A Variable (spec 2.10): <c>$name</c>.</summary>
public sealed class VariableNode : ValueNode, INamedSyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Variable;

    public required NameNode Name { get; init; }
}

/// <summary>An IntValue (spec 2.9.1), as written in the source, e.g. <c>-42</c>.</summary>
public sealed class IntValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.IntValue;

    public required string Value { get; init; }
}

/// <summary>A FloatValue (spec 2.9.2), as written in the source, e.g. <c>6.0221413e23</c>.</summary>
public sealed class FloatValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.FloatValue;

    public required string Value { get; init; }
}

/// <summary>A StringValue (spec 2.9.4): <see cref="Value"/> is the cooked value (escapes resolved, block strings dedented).</summary>
public sealed class StringValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.StringValue;

    public required string Value { get; init; }

    /// <summary>True when written as a block string <c>"""..."""</c>; the printer keeps the form.</summary>
    public bool Block { get; init; }
}

/// <summary>A BooleanValue (spec 2.9.3).</summary>
public sealed class BooleanValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.BooleanValue;

    public required bool Value { get; init; }
}

/// <summary>The NullValue <c>null</c> (spec 2.9.5).</summary>
public sealed class NullValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.NullValue;
}

/// <summary>An EnumValue (spec 2.9.6): a name other than <c>true</c>, <c>false</c> or <c>null</c>.</summary>
public sealed class EnumValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumValue;

    public required string Value { get; init; }
}

/// <summary>A ListValue (spec 2.9.7): <c>[a, b]</c>.</summary>
public sealed class ListValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.ListValue;

    public required IReadOnlyList<ValueNode> Values { get; init; }
}

/// <summary>An ObjectValue (spec 2.9.8): <c>{ name: value }</c>.</summary>
public sealed class ObjectValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectValue;

    public required IReadOnlyList<ObjectFieldNode> Fields { get; init; }
}

/// <summary>One <c>name: value</c> entry of an ObjectValue.</summary>
public sealed class ObjectFieldNode : SyntaxNode, INamedSyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectField;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }
}
