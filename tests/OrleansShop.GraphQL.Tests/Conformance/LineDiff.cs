namespace OrleansShop.GraphQL.Tests.Conformance;

/// <summary>The lines two printed schemas do not share, so one wrong default value does not hide the next difference.</summary>
internal static class LineDiff
{
    public static string Describe(string expected, string? actual)
    {
        if (actual is null)
        {
            return "(nothing to compare)";
        }

        string[] expectedLines = expected.Split('\n');
        string[] actualLines = actual.Split('\n');
        var missing = expectedLines.Except(actualLines, StringComparer.Ordinal).Select(l => "- " + l);
        var extra = actualLines.Except(expectedLines, StringComparer.Ordinal).Select(l => "+ " + l);
        return "lines only in the expected print (-) and only in the actual print (+):\n" + string.Join("\n", missing.Concat(extra));
    }
}
