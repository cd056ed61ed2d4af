using System.Collections;

namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// An object in a response: the values of one selection set, in response order. Lists are <c>object?[]</c>, leaves are
/// strings, booleans and numbers. Read it as a dictionary in tests; the executor writes it straight to UTF-8 JSON.
/// </summary>
public sealed class ResultMap : IReadOnlyDictionary<string, object?>
{
    internal ResultMap(SelectionPlan plan)
    {
        Plan = plan;
        Values = new object?[plan.Fields.Length];
    }

    internal SelectionPlan Plan { get; }

    internal object?[] Values { get; }

    public int Count => Values.Length;

    public IEnumerable<string> Keys => Plan.Fields.Select(f => f.ResponseName);

    IEnumerable<object?> IReadOnlyDictionary<string, object?>.Values => Values;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The result has no field \"{key}\".");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? Values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Values.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(Plan.Fields[i].ResponseName, Values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        var fields = Plan.Fields;
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].ResponseName == key)
            {
                return i;
            }
        }

        return -1;
    }
}
