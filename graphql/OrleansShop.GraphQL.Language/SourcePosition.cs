using System.Text;

namespace OrleansShop.GraphQL.Language;

/// <summary>Turns a UTF-8 byte offset into graphql-js's line and column (column in UTF-16 code units).</summary>
internal static class SourcePosition
{
    // Only used on the error path, so a plain rescan of the source is fine.
    public static (int Line, int Column) Compute(ReadOnlySpan<byte> source, int position)
    {
        position = Math.Clamp(position, 0, source.Length);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position; i++)
        {
            byte b = source[i];
            if (b == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (b == '\r')
            {
                if (i + 1 < source.Length && source[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                lineStart = i + 1;
            }
        }

        int column = 1;
        ReadOnlySpan<byte> text = source[lineStart..Math.Max(lineStart, position)];
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(text, out Rune rune, out int size) == System.Buffers.OperationStatus.Done)
            {
                column += rune.Utf16SequenceLength;
            }
            else
            {
                column++;
            }

            text = text[size..];
        }

        return (line, column);
    }
}
