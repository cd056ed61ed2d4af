using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Validation;

/// <summary>
/// Keeps a <see cref="TypeInfo"/> in step with a walk and forwards each node to an inner visitor (graphql-js
/// <c>visitWithTypeInfo</c>). Descriptions are not visited: they are documentation, not values to validate.
/// </summary>
internal sealed class TypeInfoVisitor(TypeInfo typeInfo, SyntaxVisitor inner) : SyntaxVisitor
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is StringValueNode && ancestors.Count > 0 && ancestors[^1] is IHasDescription described
            && ReferenceEquals(described.Description, node))
        {
            return VisitorAction.Skip;
        }

        typeInfo.Enter(node);
        var action = inner.Enter(node, ancestors);
        if (action != VisitorAction.Continue)
        {
            typeInfo.Leave(node);
        }

        return action;
    }

    public override VisitorAction Leave(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        var action = inner.Leave(node, ancestors);
        typeInfo.Leave(node);
        return action;
    }
}
