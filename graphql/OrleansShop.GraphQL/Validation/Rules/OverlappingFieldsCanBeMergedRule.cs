using System.Text;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.3.2 Field Selection Merging: fields that share a response name must be the same field with the same arguments
/// (unless their parents are distinct object types) and must return shapes that merge. This is graphql-js's algorithm:
/// fields are collected once per (type, selection set), fragment pairs and field/fragment pairs are compared once,
/// argument values are compared by cached keys, and a work budget stops a pathological document.
/// </summary>
internal sealed class OverlappingFieldsCanBeMergedRule(ValidationContext context) : ValidationRule(context)
{
    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;
    private const int ComplexityBudget = 500_000;

    private readonly Dictionary<(NamedType?, SelectionSetNode), CollectedFields> _collected = [];
    private readonly Dictionary<(CollectedFields, string), bool> _comparedFieldsAndFragments = [];
    private readonly Dictionary<(string, string), bool> _comparedFragments = [];
    private readonly Dictionary<ValueNode, string> _valueKeys = new(ReferenceEqualityComparer.Instance);
    private int _remainingBudget = ComplexityBudget;

    /// <summary>Units of comparison work spent so far, as graphql-js counts them against its budget.</summary>
    internal int WorkSpent => ComplexityBudget - _remainingBudget;

    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is not SelectionSetNode selectionSet || (ancestors.Count > 0 && ancestors[^1] is InlineFragmentNode))
        {
            return VisitorAction.Continue;
        }

        if (selectionSet.Selections.Count <= 1 && selectionSet.Selections[0] is not InlineFragmentNode)
        {
            return VisitorAction.Continue;
        }

        foreach (var conflict in FindConflictsWithinSelectionSet(Context.TypeInfo.ParentType, selectionSet))
        {
            Context.ReportError(
                $"Fields \"{Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}. Use different aliases on the fields to fetch both if this was intentional.",
                conflict.Fields1.Concat(conflict.Fields2));
        }

        return VisitorAction.Continue;
    }

    private List<Conflict> FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var collected = CollectFields(parentType, selectionSet);
        CollectConflictsWithin(conflicts, collected);
        var spreads = collected.FragmentNames;
        if (spreads.Count != 0 && (collected.Count != 0 || spreads.Count > 1))
        {
            for (int i = 0; i < spreads.Count; i++)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, false, collected, spreads[i]);
                for (int j = i + 1; j < spreads.Count; j++)
                {
                    CollectConflictsBetweenFragments(conflicts, false, spreads[i], spreads[j]);
                }
            }
        }

        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(List<Conflict> conflicts, bool mutuallyExclusive, CollectedFields fields, string fragmentName)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Spend(1);
        if (fields.Count == 0)
        {
            return;
        }

        if (_comparedFieldsAndFragments.TryGetValue((fields, fragmentName), out bool wasExclusive) && (mutuallyExclusive || !wasExclusive))
        {
            return;
        }

        _comparedFieldsAndFragments[(fields, fragmentName)] = mutuallyExclusive;
        if (Context.GetFragment(fragmentName) is not { } fragment)
        {
            return;
        }

        var fragmentFields = CollectFragmentFields(fragment);
        if (ReferenceEquals(fields, fragmentFields))
        {
            return;
        }

        CollectConflictsBetween(conflicts, mutuallyExclusive, fields, fragmentFields);
        foreach (var referenced in fragmentFields.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fields, referenced);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool mutuallyExclusive, string fragmentName1, string fragmentName2)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Spend(2);
        if (fragmentName1 == fragmentName2)
        {
            return;
        }

        if (WasCompared(fragmentName1, fragmentName2, mutuallyExclusive))
        {
            return;
        }

        _comparedFragments[(fragmentName1, fragmentName2)] = mutuallyExclusive;
        if (Context.GetFragment(fragmentName1) is not { } fragment1 || Context.GetFragment(fragmentName2) is not { } fragment2)
        {
            return;
        }

        var fields1 = CollectFragmentFields(fragment1);
        var fields2 = CollectFragmentFields(fragment2);
        CollectConflictsBetween(conflicts, mutuallyExclusive, fields1, fields2);
        foreach (var referenced2 in fields2.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, fragmentName1, referenced2);
        }

        foreach (var referenced1 in fields1.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, referenced1, fragmentName2);
        }
    }

    private bool WasCompared(string a, string b, bool mutuallyExclusive)
    {
        // A pair compared as not mutually exclusive covers the exclusive case too, not the other way round.
        return (_comparedFragments.TryGetValue((a, b), out bool ab) && (mutuallyExclusive || !ab))
            || (_comparedFragments.TryGetValue((b, a), out bool ba) && (mutuallyExclusive || !ba));
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(bool mutuallyExclusive, NamedType? parentType1, SelectionSetNode selectionSet1,
        NamedType? parentType2, SelectionSetNode selectionSet2)
    {
        var conflicts = new List<Conflict>();
        var fields1 = CollectFields(parentType1, selectionSet1);
        var fields2 = CollectFields(parentType2, selectionSet2);
        CollectConflictsBetween(conflicts, mutuallyExclusive, fields1, fields2);
        foreach (var fragmentName2 in fields2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fields1, fragmentName2);
        }

        foreach (var fragmentName1 in fields1.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fields2, fragmentName1);
        }

        foreach (var fragmentName1 in fields1.FragmentNames)
        {
            foreach (var fragmentName2 in fields2.FragmentNames)
            {
                CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, fragmentName1, fragmentName2);
            }
        }

        return conflicts;
    }

    private void CollectConflictsWithin(List<Conflict> conflicts, CollectedFields collected)
    {
        foreach (var (responseName, fields) in collected.Groups)
        {
            for (int i = 0; i < fields.Count; i++)
            {
                for (int j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool parentsMutuallyExclusive, CollectedFields fields1, CollectedFields fields2)
    {
        if (fields1.Count == 0 || fields2.Count == 0)
        {
            return;
        }

        foreach (var (responseName, list1) in fields1.Groups)
        {
            Spend(1);
            if (!fields2.TryGet(responseName, out var list2))
            {
                continue;
            }

            foreach (var field1 in list1)
            {
                foreach (var field2 in list2)
                {
                    if (FindConflict(parentsMutuallyExclusive, responseName, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private Conflict? FindConflict(bool parentsMutuallyExclusive, string responseName, CollectedField field1, CollectedField field2)
    {
        bool mutuallyExclusive = parentsMutuallyExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);
        Spend(2);
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var node1 = field1.Node;
        var node2 = field2.Node;
        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (field1.IsSimpleLeaf && field2.IsSimpleLeaf && Equals(type1, type2) && node1.Name.Value == node2.Name.Value)
        {
            return null;
        }

        if (!mutuallyExclusive)
        {
            string name1 = node1.Name.Value;
            string name2 = node2.Name.Value;
            if (name1 != name2)
            {
                return new Conflict(responseName, $"\"{Abbreviate(name1)}\" and \"{Abbreviate(name2)}\" are different fields", [node1], [node2]);
            }

            if (!SameArguments(node1.Arguments, node2.Arguments))
            {
                return new Conflict(responseName, "they have differing arguments", [node1], [node2]);
            }
        }

        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            return new Conflict(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", [node1], [node2]);
        }

        if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
        {
            var conflicts = FindConflictsBetweenSubSelectionSets(
                mutuallyExclusive, type1?.GetNamedType(), selectionSet1, type2?.GetNamedType(), selectionSet2);
            return SubfieldConflicts(conflicts, responseName, node1, node2);
        }

        return null;
    }

    private bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count != arguments2.Count)
        {
            return false;
        }

        foreach (var argument1 in arguments1)
        {
            Spend(1);
            ArgumentNode? argument2 = null;
            foreach (var candidate in arguments2)
            {
                if (candidate.Name.Value == argument1.Name.Value)
                {
                    argument2 = candidate;
                    break;
                }
            }

            if (argument2 is null || ValueKey(argument1.Value) != ValueKey(argument2.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A key equal for equal values; object fields are sorted, so <c>{a: 1, b: 2}</c> equals <c>{b: 2, a: 1}</c>.</summary>
    private string ValueKey(ValueNode value)
    {
        if (!_valueKeys.TryGetValue(value, out var key))
        {
            var builder = new StringBuilder();
            AppendKey(builder, value);
            key = builder.ToString();
            _valueKeys[value] = key;
        }

        return key;
    }

    private static void AppendKey(StringBuilder builder, ValueNode value)
    {
        switch (value)
        {
            case ObjectValueNode objectValue:
                builder.Append('{');
                foreach (var field in objectValue.Fields.OrderBy(f => f.Name.Value, StringComparer.Ordinal))
                {
                    builder.Append(field.Name.Value).Append(':');
                    AppendKey(builder, field.Value);
                    builder.Append(',');
                }

                builder.Append('}');
                break;
            case ListValueNode list:
                builder.Append('[');
                foreach (var item in list.Values)
                {
                    AppendKey(builder, item);
                    builder.Append(',');
                }

                builder.Append(']');
                break;
            case StringValueNode s:
                builder.Append(s.Block ? "B" : "S").Append(System.Text.Json.JsonSerializer.Serialize(s.Value));
                break;
            default:
                builder.Append((int)value.Kind).Append(' ').Append(Printer.Print(value));
                break;
        }
    }

    private bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        if (ReferenceEquals(type1, type2))
        {
            return false;
        }

        Spend(1);
        if (type1 is ListType list1)
        {
            return type2 is not ListType list2 || DoTypesConflict(list1.OfType, list2.OfType);
        }

        if (type2 is ListType)
        {
            return true;
        }

        if (type1 is NonNullType nonNull1)
        {
            return type2 is not NonNullType nonNull2 || DoTypesConflict(nonNull1.OfType, nonNull2.OfType);
        }

        if (type2 is NonNullType)
        {
            return true;
        }

        return (type1.IsLeafType || type2.IsLeafType) && !ReferenceEquals(type1, type2);
    }

    private CollectedFields CollectFragmentFields(FragmentDefinitionNode fragment) =>
        CollectFields(TypeInfo.TypeFromAst(Context.Schema, fragment.TypeCondition) as NamedType, fragment.SelectionSet);

    private CollectedFields CollectFields(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (!_collected.TryGetValue((parentType, selectionSet), out var collected))
        {
            collected = new CollectedFields();
            CollectFieldsImpl(parentType, selectionSet, collected);
            _collected[(parentType, selectionSet)] = collected;
        }

        return collected;
    }

    private void CollectFieldsImpl(NamedType? parentType, SelectionSetNode selectionSet, CollectedFields collected)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    // As graphql-js, meta-fields have no definition here: two __typename never conflict.
                    var definition = parentType is ComplexType complex ? complex.GetField(field.Name.Value) : null;
                    collected.Add(field.ResponseKey, new CollectedField(
                        parentType, field, definition, field.Arguments.Count == 0 && field.SelectionSet is null));
                    break;
                case FragmentSpreadNode spread:
                    collected.AddFragment(spread.Name.Value);
                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is { } condition
                        ? TypeInfo.TypeFromAst(Context.Schema, condition) as NamedType
                        : parentType;
                    CollectFieldsImpl(inlineType, inline.SelectionSet, collected);
                    break;
            }
        }
    }

    private static Conflict? SubfieldConflicts(List<Conflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
    {
        if (conflicts.Count == 0)
        {
            return null;
        }

        var message = new StringBuilder();
        foreach (var conflict in conflicts)
        {
            if (message.Length > 0)
            {
                message.Append(" and ");
            }

            message.Append("subfields \"").Append(Abbreviate(conflict.ResponseName)).Append("\" conflict because ").Append(conflict.Reason);
            if (message.Length > MaxConflictDetailLength)
            {
                break;
            }
        }

        return new Conflict(
            responseName,
            Abbreviate(message.ToString()),
            CollectConflictNodes(node1, conflicts, first: true),
            CollectConflictNodes(node2, conflicts, first: false));
    }

    private static List<SyntaxNode> CollectConflictNodes(FieldNode node, List<Conflict> conflicts, bool first)
    {
        var nodes = new List<SyntaxNode> { node };
        foreach (var conflict in conflicts)
        {
            var side = first ? conflict.Fields1 : conflict.Fields2;
            int remaining = MaxConflictNodes - nodes.Count;
            nodes.AddRange(side.Skip(Math.Max(0, side.Count - remaining)));
            if (nodes.Count == MaxConflictNodes)
            {
                break;
            }
        }

        return nodes;
    }

    private static string Abbreviate(string text) =>
        text.Length > MaxConflictDetailLength ? text[..MaxConflictDetailLength] + "..." : text;

    private void Spend(int cost)
    {
        _remainingBudget -= cost;
        if (_remainingBudget < 0)
        {
            throw new ValidationAbortedException(new GraphQLError("Validation aborted."));
        }
    }

    private sealed record Conflict(string ResponseName, string Reason, IReadOnlyList<SyntaxNode> Fields1, IReadOnlyList<SyntaxNode> Fields2);

    private sealed record CollectedField(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition, bool IsSimpleLeaf);

    /// <summary>The fields of a selection set grouped by response name in first-seen order, and the fragments it spreads (each once).</summary>
    private sealed class CollectedFields
    {
        private readonly Dictionary<string, List<CollectedField>> _byName = new(StringComparer.Ordinal);
        private readonly List<KeyValuePair<string, List<CollectedField>>> _groups = [];
        private readonly HashSet<string> _fragmentSet = new(StringComparer.Ordinal);

        public List<string> FragmentNames { get; } = [];

        public IReadOnlyList<KeyValuePair<string, List<CollectedField>>> Groups => _groups;

        public int Count => _groups.Count;

        public bool TryGet(string responseName, out List<CollectedField> fields) => _byName.TryGetValue(responseName, out fields!);

        public void Add(string responseName, CollectedField field)
        {
            if (!_byName.TryGetValue(responseName, out var list))
            {
                list = [];
                _byName[responseName] = list;
                _groups.Add(new(responseName, list));
            }

            list.Add(field);
        }

        public void AddFragment(string name)
        {
            if (_fragmentSet.Add(name))
            {
                FragmentNames.Add(name);
            }
        }
    }
}
