namespace OrleansShop.GraphQL.Language;

/// <summary>What a <see cref="SyntaxVisitor"/> asks the walk to do next (graphql-js: undefined, false, BREAK).</summary>
public enum VisitorAction
{
    /// <summary>Go on: into the node's children on enter, to the next node on leave.</summary>
    Continue,

    /// <summary>On enter: do not visit this node's children (its leave is not called either).</summary>
    Skip,

    /// <summary>Stop the whole walk.</summary>
    Break,
}
