namespace OrleansShop.Api.Schema;

/// <summary>One grain call per key of a DataLoader batch, all in flight at once.</summary>
internal static class GrainBatch
{
    public static async Task<IReadOnlyDictionary<string, TValue>> ReadAsync<TValue>(IReadOnlyList<string> keys, Func<string, Task<TValue>> read)
    {
        var reads = new Task<TValue>[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            reads[i] = read(keys[i]);
        }

        var values = await Task.WhenAll(reads).ConfigureAwait(false);
        var byKey = new Dictionary<string, TValue>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            byKey[keys[i]] = values[i];
        }

        return byKey;
    }
}
