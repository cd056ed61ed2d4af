namespace OrleansShop.GraphQL.Language;

/// <summary>A node that has a name (definitions, fields, arguments, ...).</summary>
public interface INamedSyntaxNode
{
    NameNode Name { get; }
}

/// <summary>A node that may carry directives.</summary>
public interface IHasDirectives
{
    IReadOnlyList<DirectiveNode> Directives { get; }
}

/// <summary>A node that may carry a description (type system definitions, and since the 2025 edition operations, fragments and variables).</summary>
public interface IHasDescription
{
    StringValueNode? Description { get; }
}
