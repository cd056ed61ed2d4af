namespace OrleansShop.GraphQL.Language;

/// <summary>Any top-level Definition of a document (spec 2.2).</summary>
public abstract class DefinitionNode : SyntaxNode
{
    private protected DefinitionNode()
    {
    }
}

/// <summary>An ExecutableDefinition: an operation or a fragment (spec 2.3, 2.8).</summary>
public abstract class ExecutableDefinitionNode : DefinitionNode, IHasDirectives, IHasDescription
{
    private protected ExecutableDefinitionNode()
    {
    }

    /// <summary>Since the September 2025 edition, operations and fragments may have descriptions.</summary>
    public StringValueNode? Description { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public required SelectionSetNode SelectionSet { get; init; }
}

/// <summary>A TypeSystemDefinition (spec 3.0): schema, type or directive definition.</summary>
public abstract class TypeSystemDefinitionNode : DefinitionNode
{
    private protected TypeSystemDefinitionNode()
    {
    }
}

/// <summary>A TypeSystemExtension (spec 3.0): schema or type extension.</summary>
public abstract class TypeSystemExtensionNode : DefinitionNode, IHasDirectives
{
    private protected TypeSystemExtensionNode()
    {
    }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
