namespace OrleansShop.GraphQL.Language;

/// <summary>
/// Runs several visitors in one walk (graphql-js <c>visitInParallel</c>), as validation runs all
/// its rules: a visitor that skips a node misses only that subtree, one that breaks misses the rest,
/// and the others carry on.
/// </summary>
public sealed class ParallelVisitor : SyntaxVisitor
{
    private readonly SyntaxVisitor[] _visitors;

    // Per visitor: null while active, the node whose subtree it skips, or BreakMarker once it broke.
    private readonly SyntaxNode?[] _skipping;
    private static readonly SyntaxNode BreakMarker = new NullValueNode();

    public ParallelVisitor(params IEnumerable<SyntaxVisitor> visitors)
    {
        ArgumentNullException.ThrowIfNull(visitors);
        _visitors = [.. visitors];
        _skipping = new SyntaxNode?[_visitors.Length];
    }

    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        for (int i = 0; i < _visitors.Length; i++)
        {
            if (_skipping[i] is not null)
            {
                continue;
            }

            switch (_visitors[i].Enter(node, ancestors))
            {
                case VisitorAction.Skip:
                    _skipping[i] = node;
                    break;
                case VisitorAction.Break:
                    _skipping[i] = BreakMarker;
                    break;
            }
        }

        return AllBroken() ? VisitorAction.Break : VisitorAction.Continue;
    }

    public override VisitorAction Leave(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        for (int i = 0; i < _visitors.Length; i++)
        {
            if (_skipping[i] is null)
            {
                if (_visitors[i].Leave(node, ancestors) == VisitorAction.Break)
                {
                    _skipping[i] = BreakMarker;
                }
            }
            else if (ReferenceEquals(_skipping[i], node))
            {
                _skipping[i] = null;
            }
        }

        return AllBroken() ? VisitorAction.Break : VisitorAction.Continue;
    }

    private bool AllBroken()
    {
        foreach (SyntaxNode? skipping in _skipping)
        {
            if (!ReferenceEquals(skipping, BreakMarker))
            {
                return false;
            }
        }

        return _skipping.Length > 0;
    }
}
