namespace OrleansShop.GraphQL.Language;

/// <summary>
/// Walks an AST depth-first in source order (graphql-js <c>visit</c> with its QueryDocumentKeys order),
/// calling a <see cref="SyntaxVisitor"/> on entering and leaving each node. Allocates nothing per node.
/// </summary>
public static class SyntaxWalker
{
    public static void Walk(SyntaxNode root, SyntaxVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(visitor);
        var ancestors = new List<SyntaxNode>();
        Visit(root, visitor, ancestors);
    }

    /// <summary>Visits a node and its subtree; returns false when the visitor broke.</summary>
    private static bool Visit(SyntaxNode? node, SyntaxVisitor visitor, List<SyntaxNode> ancestors)
    {
        if (node is null)
        {
            return true;
        }

        switch (visitor.Enter(node, ancestors))
        {
            case VisitorAction.Break:
                return false;
            case VisitorAction.Skip:
                return true;
        }

        ancestors.Add(node);
        bool go = VisitChildren(node, visitor, ancestors);
        ancestors.RemoveAt(ancestors.Count - 1);
        return go && visitor.Leave(node, ancestors) != VisitorAction.Break;
    }

    private static bool VisitAll<T>(IReadOnlyList<T> nodes, SyntaxVisitor visitor, List<SyntaxNode> ancestors)
        where T : SyntaxNode
    {
        for (int i = 0; i < nodes.Count; i++)
        {
            if (!Visit(nodes[i], visitor, ancestors))
            {
                return false;
            }
        }

        return true;
    }

    private static bool VisitChildren(SyntaxNode node, SyntaxVisitor v, List<SyntaxNode> a) => node switch
    {
        DocumentNode n => VisitAll(n.Definitions, v, a),
        OperationDefinitionNode n => Visit(n.Description, v, a) && Visit(n.Name, v, a) && VisitAll(n.VariableDefinitions, v, a)
            && VisitAll(n.Directives, v, a) && Visit(n.SelectionSet, v, a),
        VariableDefinitionNode n => Visit(n.Description, v, a) && Visit(n.Variable, v, a) && Visit(n.Type, v, a)
            && Visit(n.DefaultValue, v, a) && VisitAll(n.Directives, v, a),
        VariableNode n => Visit(n.Name, v, a),
        SelectionSetNode n => VisitAll(n.Selections, v, a),
        FieldNode n => Visit(n.Alias, v, a) && Visit(n.Name, v, a) && VisitAll(n.Arguments, v, a)
            && VisitAll(n.Directives, v, a) && Visit(n.SelectionSet, v, a),
        ArgumentNode n => Visit(n.Name, v, a) && Visit(n.Value, v, a),
        FragmentSpreadNode n => Visit(n.Name, v, a) && VisitAll(n.Directives, v, a),
        InlineFragmentNode n => Visit(n.TypeCondition, v, a) && VisitAll(n.Directives, v, a) && Visit(n.SelectionSet, v, a),
        FragmentDefinitionNode n => Visit(n.Description, v, a) && Visit(n.Name, v, a) && Visit(n.TypeCondition, v, a)
            && VisitAll(n.Directives, v, a) && Visit(n.SelectionSet, v, a),
        ListValueNode n => VisitAll(n.Values, v, a),
        ObjectValueNode n => VisitAll(n.Fields, v, a),
        ObjectFieldNode n => Visit(n.Name, v, a) && Visit(n.Value, v, a),
        DirectiveNode n => Visit(n.Name, v, a) && VisitAll(n.Arguments, v, a),
        NamedTypeNode n => Visit(n.Name, v, a),
        ListTypeNode n => Visit(n.Type, v, a),
        NonNullTypeNode n => Visit(n.Type, v, a),
        SchemaDefinitionNode n => Visit(n.Description, v, a) && VisitAll(n.Directives, v, a) && VisitAll(n.OperationTypes, v, a),
        OperationTypeDefinitionNode n => Visit(n.Type, v, a),
        ScalarTypeDefinitionNode n => Visit(n.Description, v, a) && Visit(n.Name, v, a) && VisitAll(n.Directives, v, a),
        ObjectTypeDefinitionNode n => Visit(n.Description, v, a) && Visit(n.Name, v, a) && VisitAll(n.Interfaces, v, a)
            && VisitAll(n.Directives, v, a) && VisitAll(n.Fields, v, a),
        FieldDefinitionNode n => Visit(n.Description, v, a) && Visit(n.Name, v, a) && VisitAll(n.Arguments, v, a)
            && Visit(n.Type, v, a) && VisitAll(n.Directives, v, a),
        InputValueDefinitionNode n => Visit(n.Description, v, a) && Visit(n.Name, v, a) && Visit(n.Type, v, a)
            && Visit(n.DefaultValue, v, a) && VisitAll(n.Directives, v, a),
        InterfaceTypeDefinitionNode n => Visit(n.Description, v, a) && Visit(n.Name, v, a) && VisitAll(n.Interfaces, v, a)
            && VisitAll(n.Directives, v, a) && VisitAll(n.Fields, v, a),
        UnionTypeDefinitionNode n => Visit(n.Description, v, a) && Visit(n.Name, v, a) && VisitAll(n.Directives, v, a) && VisitAll(n.Types, v, a),
        EnumTypeDefinitionNode n => Visit(n.Description, v, a) && Visit(n.Name, v, a) && VisitAll(n.Directives, v, a) && VisitAll(n.Values, v, a),
        EnumValueDefinitionNode n => Visit(n.Description, v, a) && Visit(n.Name, v, a) && VisitAll(n.Directives, v, a),
        InputObjectTypeDefinitionNode n => Visit(n.Description, v, a) && Visit(n.Name, v, a) && VisitAll(n.Directives, v, a) && VisitAll(n.Fields, v, a),
        DirectiveDefinitionNode n => Visit(n.Description, v, a) && Visit(n.Name, v, a) && VisitAll(n.Arguments, v, a) && VisitAll(n.Locations, v, a),
        SchemaExtensionNode n => VisitAll(n.Directives, v, a) && VisitAll(n.OperationTypes, v, a),
        ScalarTypeExtensionNode n => Visit(n.Name, v, a) && VisitAll(n.Directives, v, a),
        ObjectTypeExtensionNode n => Visit(n.Name, v, a) && VisitAll(n.Interfaces, v, a) && VisitAll(n.Directives, v, a) && VisitAll(n.Fields, v, a),
        InterfaceTypeExtensionNode n => Visit(n.Name, v, a) && VisitAll(n.Interfaces, v, a) && VisitAll(n.Directives, v, a) && VisitAll(n.Fields, v, a),
        UnionTypeExtensionNode n => Visit(n.Name, v, a) && VisitAll(n.Directives, v, a) && VisitAll(n.Types, v, a),
        EnumTypeExtensionNode n => Visit(n.Name, v, a) && VisitAll(n.Directives, v, a) && VisitAll(n.Values, v, a),
        InputObjectTypeExtensionNode n => Visit(n.Name, v, a) && VisitAll(n.Directives, v, a) && VisitAll(n.Fields, v, a),
        TypeCoordinateNode n => Visit(n.Name, v, a),
        MemberCoordinateNode n => Visit(n.Name, v, a) && Visit(n.MemberName, v, a),
        ArgumentCoordinateNode n => Visit(n.Name, v, a) && Visit(n.FieldName, v, a) && Visit(n.ArgumentName, v, a),
        DirectiveCoordinateNode n => Visit(n.Name, v, a),
        DirectiveArgumentCoordinateNode n => Visit(n.Name, v, a) && Visit(n.ArgumentName, v, a),

        // Name, Int, Float, String, Boolean, Null and Enum values are leaves.
        _ => true,
    };
}
