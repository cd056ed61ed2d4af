using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation;

/// <summary>
/// What the rules of one validation share (graphql-js <c>ValidationContext</c>): the schema, the document, the type
/// information of the walk, the reported errors, and lazily computed facts about fragments and variable usages.
/// </summary>
internal sealed class ValidationContext
{
    private readonly List<GraphQLError> _errors;
    private readonly int _maxErrors;
    private Dictionary<string, FragmentDefinitionNode>? _fragments;
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _fragmentSpreads = [];
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>> _referencedFragments = [];
    private readonly Dictionary<ExecutableDefinitionNode, IReadOnlyList<VariableUsage>> _variableUsages = [];
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<VariableUsage>> _recursiveVariableUsages = [];

    public ValidationContext(GraphQLSchema schema, DocumentNode document, ValidationOptions options, List<GraphQLError> errors)
    {
        Schema = schema;
        Document = document;
        Options = options;
        TypeInfo = new TypeInfo(schema);
        _errors = errors;
        _maxErrors = options.MaxErrors;
    }

    public GraphQLSchema Schema { get; }

    public DocumentNode Document { get; }

    public ValidationOptions Options { get; }

    public TypeInfo TypeInfo { get; }

    /// <summary>When true, messages carry no "Did you mean" hints, so a public endpoint does not reveal its schema.</summary>
    public bool HideSuggestions => Options.HideSuggestions;

    public void ReportError(GraphQLError error)
    {
        if (_errors.Count >= _maxErrors)
        {
            throw new ValidationAbortedException(new GraphQLError("Too many validation errors, error limit reached. Validation aborted."));
        }

        _errors.Add(error);
    }

    public void ReportError(string message, params ReadOnlySpan<SyntaxNode> nodes) => ReportError(GraphQLError.At(message, nodes.ToArray()));

    public void ReportError(string message, IEnumerable<SyntaxNode> nodes) => ReportError(GraphQLError.At(message, nodes));

    /// <summary>The fragment definition called <paramref name="name"/>; when several share the name, the last (as graphql-js).</summary>
    public FragmentDefinitionNode? GetFragment(string name)
    {
        if (_fragments is null)
        {
            _fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in Document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    _fragments[fragment.Name.Value] = fragment;
                }
            }
        }

        return _fragments.GetValueOrDefault(name);
    }

    /// <summary>The fragment spreads in a selection set, including those in nested fields and inline fragments, in source order.</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_fragmentSpreads.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        // Same order as graphql-js: a set's own spreads first, then nested sets last-in first-out.
        var spreads = new List<FragmentSpreadNode>();
        var pending = new Stack<SelectionSetNode>();
        pending.Push(selectionSet);
        while (pending.Count > 0)
        {
            var set = pending.Pop();
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSet }:
                        pending.Push(fieldSet);
                        break;
                    case InlineFragmentNode inline:
                        pending.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        _fragmentSpreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation uses, directly or through other fragments, each once.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (_referencedFragments.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var toVisit = new List<SelectionSetNode> { operation.SelectionSet };
        while (toVisit.Count > 0)
        {
            var set = toVisit[^1];
            toVisit.RemoveAt(toVisit.Count - 1);
            foreach (var spread in GetFragmentSpreads(set))
            {
                var name = spread.Name.Value;
                if (collected.Add(name) && GetFragment(name) is { } fragment)
                {
                    fragments.Add(fragment);
                    toVisit.Add(fragment.SelectionSet);
                }
            }
        }

        _referencedFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>The variables used in an operation or fragment (not following spreads), with the type expected where each is used.</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode definition)
    {
        if (_variableUsages.TryGetValue(definition, out var cached))
        {
            return cached;
        }

        var collector = new VariableUsageCollector(new TypeInfo(Schema));
        SyntaxWalker.Walk(definition, collector);
        _variableUsages[definition] = collector.Usages;
        return collector.Usages;
    }

    /// <summary>The variables used in an operation and in every fragment it uses.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (_recursiveVariableUsages.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var usages = new List<VariableUsage>(GetVariableUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
        {
            usages.AddRange(GetVariableUsages(fragment));
        }

        _recursiveVariableUsages[operation] = usages;
        return usages;
    }

    private sealed class VariableUsageCollector(TypeInfo typeInfo) : SyntaxVisitor
    {
        public List<VariableUsage> Usages { get; } = [];

        public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
        {
            if (node is VariableDefinitionNode || (node is StringValueNode && ancestors.Count > 0 && ancestors[^1] is IHasDescription))
            {
                return VisitorAction.Skip;
            }

            typeInfo.Enter(node);
            if (node is VariableNode variable)
            {
                Usages.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.HasDefaultValue, typeInfo.ParentInputType));
            }

            return VisitorAction.Continue;
        }

        public override VisitorAction Leave(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
        {
            typeInfo.Leave(node);
            return VisitorAction.Continue;
        }
    }
}
