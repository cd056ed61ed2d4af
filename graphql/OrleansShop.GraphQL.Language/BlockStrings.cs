using System.Buffers;
using System.Text;

namespace OrleansShop.GraphQL.Language;

/// <summary>Block strings (spec 2.9.4): the dedent algorithm BlockStringValue() and printing.</summary>
internal static class BlockStrings
{
    /// <summary>
    /// BlockStringValue(rawValue): splits into lines, removes the common indentation of all lines
    /// but the first, drops leading and trailing blank lines, joins with "\n", and unescapes \""".
    /// Works on the raw UTF-8 bytes between the triple quotes; white space is ASCII so byte counts are character counts.
    /// </summary>
    public static string Dedent(ReadOnlySpan<byte> raw)
    {
        int commonIndent = int.MaxValue;
        int firstNonEmptyLine = -1;
        int lastNonEmptyLine = -1;
        int lineIndex = 0;
        for (int lineStart = 0; lineStart <= raw.Length; lineIndex++)
        {
            int lineEnd = NextLine(raw, lineStart, out int nextStart);
            ReadOnlySpan<byte> line = raw[lineStart..lineEnd];
            int indent = LeadingWhiteSpace(line);
            if (indent < line.Length)
            {
                if (firstNonEmptyLine < 0)
                {
                    firstNonEmptyLine = lineIndex;
                }

                lastNonEmptyLine = lineIndex;
                if (lineIndex != 0 && indent < commonIndent)
                {
                    commonIndent = indent;
                }
            }

            lineStart = nextStart;
        }

        if (firstNonEmptyLine < 0)
        {
            return string.Empty;
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            int written = 0;
            lineIndex = 0;
            for (int lineStart = 0; lineIndex <= lastNonEmptyLine; lineIndex++)
            {
                int lineEnd = NextLine(raw, lineStart, out int nextStart);
                if (lineIndex >= firstNonEmptyLine)
                {
                    ReadOnlySpan<byte> line = raw[lineStart..lineEnd];
                    if (lineIndex != 0)
                    {
                        line = line[Math.Min(commonIndent, line.Length)..];
                    }

                    if (lineIndex > firstNonEmptyLine)
                    {
                        rented[written++] = (byte)'\n';
                    }

                    written += Unescape(line, rented.AsSpan(written));
                }

                lineStart = nextStart;
            }

            return Encoding.UTF8.GetString(rented, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Prints a value as a block string the way graphql-js printBlockString does: on one line when
    /// short and safe, otherwise with the content on its own lines; escapes """ as \""".
    /// </summary>
    public static string Print(string value)
    {
        string escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        string[] lines = escaped.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        bool isSingleLine = lines.Length == 1;

        // If every line after the first starts with white space (or is empty), the dedent algorithm
        // would strip that common indent when reading back, so start the content on a new line.
        bool forceLeadingNewLine = lines.Length > 1;
        for (int i = 1; i < lines.Length && forceLeadingNewLine; i++)
        {
            forceLeadingNewLine = lines[i].Length == 0 || IsWhiteSpace(lines[i][0]);
        }

        bool hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        bool hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        bool hasTrailingSlash = value.EndsWith('\\');
        bool forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;
        bool printAsMultipleLines = !isSingleLine || value.Length > 70 || forceTrailingNewLine || forceLeadingNewLine || hasTrailingTripleQuotes;
        bool skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhiteSpace(value[0]);

        var result = new StringBuilder(escaped.Length + 8);
        result.Append("\"\"\"");
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            result.Append('\n');
        }

        result.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewLine)
        {
            result.Append('\n');
        }

        result.Append("\"\"\"");
        return result.ToString();
    }

    private static bool IsWhiteSpace(int c) => c is ' ' or '\t';

    private static int LeadingWhiteSpace(ReadOnlySpan<byte> line)
    {
        int i = 0;
        while (i < line.Length && IsWhiteSpace(line[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>End of the line starting at <paramref name="start"/>; <paramref name="nextStart"/> is past its terminator (or past the end).</summary>
    private static int NextLine(ReadOnlySpan<byte> raw, int start, out int nextStart)
    {
        int length = raw[start..].IndexOfAny((byte)'\n', (byte)'\r');
        if (length < 0)
        {
            nextStart = raw.Length + 1;
            return raw.Length;
        }

        int end = start + length;
        nextStart = end + (raw[end] == '\r' && end + 1 < raw.Length && raw[end + 1] == '\n' ? 2 : 1);
        return end;
    }

    private static int Unescape(ReadOnlySpan<byte> line, Span<byte> destination)
    {
        int written = 0;
        while (true)
        {
            int index = line.IndexOf("\\\"\"\""u8);
            if (index < 0)
            {
                line.CopyTo(destination[written..]);
                return written + line.Length;
            }

            line[..index].CopyTo(destination[written..]);
            written += index;
            "\"\"\""u8.CopyTo(destination[written..]);
            written += 3;
            line = line[(index + 4)..];
        }
    }
}
