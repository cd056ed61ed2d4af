using System.Globalization;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>Steps the cluster stream tests share, whatever database holds the membership table.</summary>
internal static class ClusterStreamScenarios
{
    /// <summary>What the test host's producer publishes for <c>produce stream prefix count</c>, as "received" lists it.</summary>
    public static string Notes(string prefix, int count) =>
        string.Join(',', Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// <paramref name="received"/> holds exactly the notes of each publisher, each publisher's in the order it
    /// published them: publishers on different silos interleave as the network has it.
    /// </summary>
    public static void AssertEachPublisherInOrder(string received, params (string Prefix, int Count)[] publishers)
    {
        var notes = received.Split(',');
        Assert.Equal(publishers.Sum(p => p.Count), notes.Length);
        foreach (var (prefix, count) in publishers)
        {
            var mine = notes.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && char.IsAsciiDigit(n[prefix.Length]));
            Assert.Equal(Notes(prefix, count), string.Join(',', mine));
        }
    }
}
