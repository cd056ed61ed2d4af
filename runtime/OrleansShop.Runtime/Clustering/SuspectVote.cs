using System.Globalization;
using System.Text;

namespace OrleansShop.Runtime.Clustering;

/// <summary>One silo's vote that another is dead, with when it was cast (votes expire).</summary>
public readonly record struct SuspectVote(SiloAddress Voter, DateTimeOffset CastAt)
{
    /// <summary>The stored form: <c>voter=unixMilliseconds</c> pairs separated by <c>|</c>; null for none.</summary>
    public static string? Format(IReadOnlyList<SuspectVote> votes)
    {
        if (votes.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var vote in votes)
        {
            if (text.Length > 0)
            {
                text.Append('|');
            }

            text.Append(vote.Voter.ToString()).Append('=').Append(vote.CastAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    public static IReadOnlyList<SuspectVote> Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var votes = new List<SuspectVote>();
        foreach (var part in text.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.LastIndexOf('=');
            votes.Add(new SuspectVote(
                SiloAddress.Parse(part[..equals]),
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(part.AsSpan(equals + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))));
        }

        return votes;
    }
}
