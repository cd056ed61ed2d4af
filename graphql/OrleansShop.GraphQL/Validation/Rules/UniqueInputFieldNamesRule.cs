using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.6.3 Input Object Field Uniqueness.</summary>
internal sealed class UniqueInputFieldNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Stack<Dictionary<string, NameNode>> _stack = new();

    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        switch (node)
        {
            case ObjectValueNode:
                _stack.Push(new Dictionary<string, NameNode>(StringComparer.Ordinal));
                break;
            case ObjectFieldNode field when _stack.Count > 0:
                var known = _stack.Peek();
                if (known.TryGetValue(field.Name.Value, out var first))
                {
                    Context.ReportError($"There can be only one input field named \"{field.Name.Value}\".", first, field.Name);
                }
                else
                {
                    known[field.Name.Value] = field.Name;
                }

                break;
        }

        return VisitorAction.Continue;
    }

    public override VisitorAction Leave(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is ObjectValueNode)
        {
            _stack.Pop();
        }

        return VisitorAction.Continue;
    }
}
