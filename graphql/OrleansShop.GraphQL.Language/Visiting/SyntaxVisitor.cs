namespace OrleansShop.GraphQL.Language;

/// <summary>
/// Enter/leave callbacks for <see cref="SyntaxWalker"/>, like a graphql-js visitor. Override
/// <see cref="Enter"/> and <see cref="Leave"/> and switch on the node type (or <see cref="SyntaxNode.Kind"/>);
/// <c>ancestors</c> lists the nodes from the root down to the parent, outermost first.
/// </summary>
public abstract class SyntaxVisitor
{
    public virtual VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors) => VisitorAction.Continue;

    public virtual VisitorAction Leave(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors) => VisitorAction.Continue;
}
