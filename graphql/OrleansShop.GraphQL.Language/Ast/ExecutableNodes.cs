namespace OrleansShop.GraphQL.Language;

/// <summary>
/// An OperationDefinition (spec 2.3). The query shorthand <c>{ ... }</c> parses to an anonymous
/// query with no variables, directives or description.
/// </summary>
public sealed class OperationDefinitionNode : ExecutableDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.OperationDefinition;

    public required OperationType Operation { get; init; }

    public NameNode? Name { get; init; }

    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];
}

/// <summary>A VariableDefinition (spec 2.10): <c>"description" $name: Type = default @directives</c>.</summary>
public sealed class VariableDefinitionNode : SyntaxNode, IHasDirectives, IHasDescription
{
    public override SyntaxKind Kind => SyntaxKind.VariableDefinition;

    public StringValueNode? Description { get; init; }

    public required VariableNode Variable { get; init; }

    public required TypeNode Type { get; init; }

    /// <summary>A constant value (the parser rejects variables here).</summary>
    public ValueNode? DefaultValue { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>A SelectionSet (spec 2.4). Never empty when parsed.</summary>
public sealed class SelectionSetNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.SelectionSet;

    public required IReadOnlyList<SelectionNode> Selections { get; init; }
}

/// <summary>A Selection: field, fragment spread or inline fragment (spec 2.4).</summary>
public abstract class SelectionNode : SyntaxNode, IHasDirectives
{
    private protected SelectionNode()
    {
    }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>A Field (spec 2.5), with its optional Alias (spec 2.7).</summary>
public sealed class FieldNode : SelectionNode, INamedSyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Field;

    public NameNode? Alias { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    public SelectionSetNode? SelectionSet { get; init; }

    /// <summary>The key of this field in the response: the alias if present, else the name.</summary>
    public string ResponseKey => (Alias ?? Name).Value;
}

/// <summary>An Argument (spec 2.6) of a field or directive.</summary>
public sealed class ArgumentNode : SyntaxNode, INamedSyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Argument;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }
}

/// <summary>A FragmentSpread (spec 2.8): <c>...Name @directives</c>.</summary>
public sealed class FragmentSpreadNode : SelectionNode, INamedSyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.FragmentSpread;

    public required NameNode Name { get; init; }
}

/// <summary>An InlineFragment (spec 2.8.2): <c>... on Type @directives { ... }</c>, type condition optional.</summary>
public sealed class InlineFragmentNode : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.InlineFragment;

    public NamedTypeNode? TypeCondition { get; init; }

    public required SelectionSetNode SelectionSet { get; init; }
}

/// <summary>A FragmentDefinition (spec 2.8): <c>"description" fragment Name on Type @directives { ... }</c>.</summary>
public sealed class FragmentDefinitionNode : ExecutableDefinitionNode, INamedSyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.FragmentDefinition;

    public required NameNode Name { get; init; }

    public required NamedTypeNode TypeCondition { get; init; }
}

/// <summary>A Directive (spec 2.12): <c>@name(arguments)</c>.</summary>
public sealed class DirectiveNode : SyntaxNode, INamedSyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Directive;

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
}
