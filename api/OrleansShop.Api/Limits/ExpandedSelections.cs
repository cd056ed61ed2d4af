using HotChocolate.Language;

namespace OrleansShop.Api.Limits;

/// <summary>
/// How many field selections a document holds once every fragment spread is replaced by its fragment: the size of the
/// work a server does for it, which the document's length hides (40 fragments, each spreading the next one twice, make
/// 2^40 selections in under 2 KiB). Each fragment is counted once and its count reused, so counting is linear in the
/// document; counts saturate instead of overflowing.
/// </summary>
internal sealed class ExpandedSelections
{
    private readonly Dictionary<string, FragmentDefinitionNode> fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> counted = new(StringComparer.Ordinal);
    private readonly HashSet<string> entered = new(StringComparer.Ordinal);

    private ExpandedSelections(DocumentNode document)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }
    }

    /// <summary>The expanded selections of every operation in the document, added up.</summary>
    public static long Count(DocumentNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var counter = new ExpandedSelections(document);
        long total = 0;
        foreach (var definition in document.Definitions)
        {
            if (definition is OperationDefinitionNode operation)
            {
                total = Add(total, counter.Count(operation.SelectionSet));
            }
        }

        return total;
    }

    private long Count(SelectionSetNode? selectionSet)
    {
        if (selectionSet is null)
        {
            return 0;
        }

        long total = 0;
        foreach (var selection in selectionSet.Selections)
        {
            total = Add(total, selection switch
            {
                FieldNode field => Add(1, Count(field.SelectionSet)),
                InlineFragmentNode inline => Count(inline.SelectionSet),
                FragmentSpreadNode spread => CountFragment(spread.Name.Value),
                _ => 0,
            });
        }

        return total;
    }

    private long CountFragment(string name)
    {
        if (counted.TryGetValue(name, out var known))
        {
            return known;
        }

        // An unknown fragment or a cycle is the validator's to refuse; here it adds nothing.
        if (!fragments.TryGetValue(name, out var fragment) || !entered.Add(name))
        {
            return 0;
        }

        var count = Count(fragment.SelectionSet);
        entered.Remove(name);
        counted[name] = count;
        return count;
    }

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
