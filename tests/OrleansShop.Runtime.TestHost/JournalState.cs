namespace OrleansShop.Runtime.TestHost;

public sealed class JournalState
{
    public List<string> Entries { get; set; } = [];
}
