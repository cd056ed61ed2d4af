using OrleansShop.Runtime;

namespace OrleansShop.Runtime.TestHost;

/// <summary>A grain with durable state and a durable reminder: what the restart tests write, kill and read back.</summary>
public interface IJournalGrain : IGrainWithStringKey
{
    /// <summary>Appends an entry and returns once it is written; answers the entry count.</summary>
    Task<int> AppendAsync(string entry);

    Task<IReadOnlyList<string>> ReadAsync();

    Task RemindAsync(string reminderName, int periodMilliseconds);
}
