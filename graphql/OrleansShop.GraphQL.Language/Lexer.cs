using System.Runtime.CompilerServices;
using System.Text;

namespace OrleansShop.GraphQL.Language;

/// <summary>
/// Reads the lexical tokens of spec 2.1 from UTF-8 source, one at a time, without allocating:
/// the current token is described by <see cref="Kind"/>, <see cref="Start"/>, <see cref="End"/>,
/// <see cref="Line"/> and <see cref="Column"/>, and its text is materialized only on request
/// (<see cref="GetStringValue"/>, <see cref="GetRawText"/>). Escapes and Unicode are validated while
/// lexing so that errors point where graphql-js points.
/// </summary>
internal ref struct Lexer
{
    private readonly ReadOnlySpan<byte> _source;
    private int _position;
    private int _line;

    // Offset such that (byte offset - _lineStart + 1) is the column in UTF-16 code units: moved
    // forward by (bytes - UTF-16 units) whenever a multi-byte character is passed on the line.
    private int _lineStart;

    // Whether the current String token has escapes or non-ASCII bytes (needs the slow decoder).
    private bool _stringNeedsDecoding;

    public Lexer(ReadOnlySpan<byte> source)
    {
        _source = source;
        _line = 1;
        Kind = TokenKind.StartOfFile;
        Line = 1;
        Column = 1;
    }

    public TokenKind Kind { get; private set; }

    /// <summary>UTF-8 byte offset of the current token's first byte.</summary>
    public int Start { get; private set; }

    /// <summary>UTF-8 byte offset just past the current token.</summary>
    public int End { get; private set; }

    public int Line { get; private set; }

    public int Column { get; private set; }

    public readonly ReadOnlySpan<byte> Source => _source;

    /// <summary>The bytes of the current token as written (names, numbers, raw strings with quotes).</summary>
    public readonly ReadOnlySpan<byte> RawSpan => _source[Start..End];

    public readonly string GetRawText() => Encoding.UTF8.GetString(RawSpan);

    /// <summary>Moves to the next token, skipping ignored tokens; stays on EndOfFile once there.</summary>
    public void Advance()
    {
        ReadOnlySpan<byte> source = _source;
        int position = _position;
        while ((uint)position < (uint)source.Length)
        {
            byte code = source[position];
            switch (code)
            {
                case (byte)' ':
                case (byte)'\t':
                case (byte)',':
                    position++;
                    continue;
                case (byte)'\n':
                    position++;
                    _line++;
                    _lineStart = position;
                    continue;
                case (byte)'\r':
                    position++;
                    if ((uint)position < (uint)source.Length && source[position] == (byte)'\n')
                    {
                        position++;
                    }

                    _line++;
                    _lineStart = position;
                    continue;
                case (byte)'#':
                    position = SkipComment(position);
                    continue;
                case (byte)'!':
                    SetToken(TokenKind.Bang, position, position + 1);
                    return;
                case (byte)'$':
                    SetToken(TokenKind.Dollar, position, position + 1);
                    return;
                case (byte)'&':
                    SetToken(TokenKind.Ampersand, position, position + 1);
                    return;
                case (byte)'(':
                    SetToken(TokenKind.LeftParenthesis, position, position + 1);
                    return;
                case (byte)')':
                    SetToken(TokenKind.RightParenthesis, position, position + 1);
                    return;
                case (byte)':':
                    SetToken(TokenKind.Colon, position, position + 1);
                    return;
                case (byte)'=':
                    SetToken(TokenKind.Equals, position, position + 1);
                    return;
                case (byte)'@':
                    SetToken(TokenKind.At, position, position + 1);
                    return;
                case (byte)'[':
                    SetToken(TokenKind.LeftBracket, position, position + 1);
                    return;
                case (byte)']':
                    SetToken(TokenKind.RightBracket, position, position + 1);
                    return;
                case (byte)'{':
                    SetToken(TokenKind.LeftBrace, position, position + 1);
                    return;
                case (byte)'|':
                    SetToken(TokenKind.Pipe, position, position + 1);
                    return;
                case (byte)'}':
                    SetToken(TokenKind.RightBrace, position, position + 1);
                    return;
                case (byte)'.':
                    ReadSpread(position);
                    return;
                case (byte)'"':
                    if (ByteAt(position + 1) == '"' && ByteAt(position + 2) == '"')
                    {
                        ReadBlockString(position);
                    }
                    else
                    {
                        ReadString(position);
                    }

                    return;
                case 0xEF when ByteAt(position + 1) == 0xBB && ByteAt(position + 2) == 0xBF:
                    // U+FEFF, the byte order mark, is an ignored token (graphql-js ignores it anywhere).
                    position += 3;
                    _lineStart += 2;
                    continue;
            }

            if (IsDigit(code) || code == (byte)'-')
            {
                ReadNumber(position, code);
                return;
            }

            if (IsNameStart(code))
            {
                ReadName(position);
                return;
            }

            throw UnexpectedCharacter(position);
        }

        SetToken(TokenKind.EndOfFile, source.Length, source.Length);
    }

    /// <summary>The cooked value of the current String or BlockString token.</summary>
    public readonly string GetStringValue()
    {
        if (Kind == TokenKind.BlockString)
        {
            return BlockStrings.Dedent(_source[(Start + 3)..(End - 3)]);
        }

        ReadOnlySpan<byte> content = _source[(Start + 1)..(End - 1)];
        if (content.IsEmpty)
        {
            return string.Empty;
        }

        return _stringNeedsDecoding ? DecodeEscapedString(content) : Encoding.UTF8.GetString(content);
    }

    /// <summary>Returns true when the current token is the Name <paramref name="keyword"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool IsKeyword(ReadOnlySpan<byte> keyword) =>
        Kind == TokenKind.Name && _source[Start..End].SequenceEqual(keyword);

    /// <summary>A syntax error at a byte offset, with graphql-js line and column.</summary>
    public readonly GraphQLSyntaxException Error(int position, string description)
    {
        (int line, int column) = SourcePosition.Compute(_source, position);
        return new GraphQLSyntaxException(description, position, line, column);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetToken(TokenKind kind, int start, int end)
    {
        Kind = kind;
        Start = start;
        End = end;
        Line = _line;
        Column = start - _lineStart + 1;
        _position = end;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int ByteAt(int position) =>
        (uint)position < (uint)_source.Length ? _source[position] : -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(int code) => (uint)(code - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNameStart(int code) => (uint)((code | 0x20) - 'a') <= 'z' - 'a' || code == '_';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNameContinue(int code) => IsNameStart(code) || IsDigit(code);

    private readonly int SkipComment(int start)
    {
        ReadOnlySpan<byte> rest = _source[(start + 1)..];
        int length = rest.IndexOfAny((byte)'\n', (byte)'\r');
        if (length < 0)
        {
            length = rest.Length;
        }

        ReadOnlySpan<byte> comment = rest[..length];
        if (!System.Text.Unicode.Utf8.IsValid(comment))
        {
            throw InvalidUtf8(start + 1 + FirstInvalidUtf8(comment));
        }

        return start + 1 + length;
    }

    private void ReadSpread(int position)
    {
        int next = ByteAt(position + 1);
        if (next == '.' && ByteAt(position + 2) == '.')
        {
            SetToken(TokenKind.Spread, position, position + 3);
            return;
        }

        if (next == '.')
        {
            throw Error(position, "Unexpected \"..\", did you mean \"...\"?");
        }

        if (IsDigit(next))
        {
            int end = position + 2;
            while (IsDigit(ByteAt(end)))
            {
                end++;
            }

            string digits = Encoding.UTF8.GetString(_source[(position + 1)..end]);
            throw Error(position, $"Invalid number, expected digit before \".\", did you mean \"0.{digits}\"?");
        }

        throw UnexpectedCharacter(position);
    }

    private void ReadName(int start)
    {
        ReadOnlySpan<byte> source = _source;
        int position = start + 1;
        while ((uint)position < (uint)source.Length && IsNameContinue(source[position]))
        {
            position++;
        }

        SetToken(TokenKind.Name, start, position);
    }

    // IntValue and FloatValue (spec 2.9.1, 2.9.2): no leading zeros, and no name start or "."
    // directly after a number, so that "0x1F" or "1.2.3" are errors rather than several tokens.
    private void ReadNumber(int start, int code)
    {
        int position = start;
        bool isFloat = false;
        if (code == '-')
        {
            code = ByteAt(++position);
        }

        if (code == '0')
        {
            code = ByteAt(++position);
            if (IsDigit(code))
            {
                throw Error(position, $"Invalid number, unexpected digit after 0: {DescribeCodePointAt(position)}.");
            }
        }
        else
        {
            position = ReadDigits(position, code);
            code = ByteAt(position);
        }

        if (code == '.')
        {
            isFloat = true;
            code = ByteAt(++position);
            position = ReadDigits(position, code);
            code = ByteAt(position);
        }

        if (code is 'E' or 'e')
        {
            isFloat = true;
            code = ByteAt(++position);
            if (code is '+' or '-')
            {
                code = ByteAt(++position);
            }

            position = ReadDigits(position, code);
            code = ByteAt(position);
        }

        if (code == '.' || IsNameStart(code))
        {
            throw Error(position, $"Invalid number, expected digit but got: {DescribeCodePointAt(position)}.");
        }

        SetToken(isFloat ? TokenKind.Float : TokenKind.Int, start, position);
    }

    private readonly int ReadDigits(int start, int firstCode)
    {
        if (!IsDigit(firstCode))
        {
            throw Error(start, $"Invalid number, expected digit but got: {DescribeCodePointAt(start)}.");
        }

        int position = start + 1;
        while (IsDigit(ByteAt(position)))
        {
            position++;
        }

        return position;
    }

    private void ReadString(int start)
    {
        ReadOnlySpan<byte> source = _source;
        int position = start + 1;
        bool needsDecoding = false;
        int columnShift = 0;
        while ((uint)position < (uint)source.Length)
        {
            byte code = source[position];
            if (code == '"')
            {
                SetToken(TokenKind.String, start, position + 1);
                _stringNeedsDecoding = needsDecoding;
                _lineStart += columnShift;
                return;
            }

            if (code == '\\')
            {
                needsDecoding = true;
                position += ValidateEscape(position);
                continue;
            }

            if (code is (byte)'\n' or (byte)'\r')
            {
                break;
            }

            if (code < 0x80)
            {
                position++;
                continue;
            }

            needsDecoding = true;
            int size = ReadMultiByteCharacter(position, out int utf16Length);
            columnShift += size - utf16Length;
            position += size;
        }

        throw Error(position, "Unterminated string.");
    }

    private void ReadBlockString(int start)
    {
        ReadOnlySpan<byte> source = _source;
        int position = start + 3;
        int line = _line;
        int lineStart = _lineStart;
        while ((uint)position < (uint)source.Length)
        {
            byte code = source[position];
            if (code == '"' && ByteAt(position + 1) == '"' && ByteAt(position + 2) == '"')
            {
                SetToken(TokenKind.BlockString, start, position + 3);
                _line = line;
                _lineStart = lineStart;
                return;
            }

            if (code == '\\' && ByteAt(position + 1) == '"' && ByteAt(position + 2) == '"' && ByteAt(position + 3) == '"')
            {
                position += 4;
                continue;
            }

            if (code is (byte)'\n' or (byte)'\r')
            {
                position += code == '\r' && ByteAt(position + 1) == '\n' ? 2 : 1;
                line++;
                lineStart = position;
                continue;
            }

            if (code < 0x80)
            {
                position++;
                continue;
            }

            int size = ReadMultiByteCharacter(position, out int utf16Length);
            lineStart += size - utf16Length;
            position += size;
        }

        throw Error(position, "Unterminated string.");
    }

    private readonly int ReadMultiByteCharacter(int position, out int utf16Length)
    {
        if (Rune.DecodeFromUtf8(_source[position..], out Rune rune, out int size) != System.Buffers.OperationStatus.Done)
        {
            throw InvalidUtf8(position);
        }

        utf16Length = rune.Utf16SequenceLength;
        return size;
    }

    /// <summary>Validates the escape sequence at <paramref name="position"/> (a backslash) and returns its length in bytes.</summary>
    private readonly int ValidateEscape(int position)
    {
        int next = ByteAt(position + 1);
        if (next == 'u')
        {
            return ByteAt(position + 2) == '{'
                ? ReadVariableWidthUnicodeEscape(position, out _)
                : ReadFixedWidthUnicodeEscape(position, out _);
        }

        if (next is '"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't')
        {
            return 2;
        }

        throw Error(position, $"Invalid character escape sequence: \"{SliceText(position, 2)}\".");
    }

    // \u{...}: one to many hex digits naming a Unicode scalar value (spec 2025 EscapedUnicode).
    private readonly int ReadVariableWidthUnicodeEscape(int position, out int codePoint)
    {
        int point = 0;
        int size = 3;
        while (size < 12)
        {
            int code = ByteAt(position + size++);
            if (code == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point))
                {
                    break;
                }

                codePoint = point;
                return size;
            }

            int digit = HexValue(code);
            if (digit < 0 || point > 0x7FFFFFF)
            {
                break;
            }

            point = (point << 4) | digit;
        }

        throw Error(position, $"Invalid Unicode escape sequence: \"{SliceText(position, size)}\".");
    }

    // \uXXXX: a scalar value, or a leading surrogate immediately followed by an escaped trailing one
    // (the legacy JSON spelling of a supplementary code point); lone surrogates are errors.
    private readonly int ReadFixedWidthUnicodeEscape(int position, out int codePoint)
    {
        int code = ReadHex4(position + 2);
        if (IsUnicodeScalarValue(code))
        {
            codePoint = code;
            return 6;
        }

        if (code is >= 0xD800 and <= 0xDBFF && ByteAt(position + 6) == '\\' && ByteAt(position + 7) == 'u')
        {
            int trailing = ReadHex4(position + 8);
            if (trailing is >= 0xDC00 and <= 0xDFFF)
            {
                codePoint = char.ConvertToUtf32((char)code, (char)trailing);
                return 12;
            }
        }

        throw Error(position, $"Invalid Unicode escape sequence: \"{SliceText(position, 6)}\".");
    }

    private readonly int ReadHex4(int position)
    {
        int a = HexValue(ByteAt(position));
        int b = HexValue(ByteAt(position + 1));
        int c = HexValue(ByteAt(position + 2));
        int d = HexValue(ByteAt(position + 3));
        return (a | b | c | d) < 0 ? -1 : (a << 12) | (b << 8) | (c << 4) | d;
    }

    private static int HexValue(int code) => code switch
    {
        >= '0' and <= '9' => code - '0',
        >= 'A' and <= 'F' => code - 'A' + 10,
        >= 'a' and <= 'f' => code - 'a' + 10,
        _ => -1,
    };

    private static bool IsUnicodeScalarValue(int code) => code is (>= 0 and <= 0xD7FF) or (>= 0xE000 and <= 0x10FFFF);

    private readonly string DecodeEscapedString(ReadOnlySpan<byte> content)
    {
        // A string never has more UTF-16 code units than UTF-8 bytes.
        char[]? rented = null;
        Span<char> buffer = content.Length <= 256
            ? stackalloc char[256]
            : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(content.Length));
        try
        {
            int written = 0;
            int offset = Start + 1;
            int i = 0;
            while (i < content.Length)
            {
                int next = content[i..].IndexOf((byte)'\\');
                int chunk = next < 0 ? content.Length - i : next;
                written += Encoding.UTF8.GetChars(content.Slice(i, chunk), buffer[written..]);
                i += chunk;
                if (i >= content.Length)
                {
                    break;
                }

                int escape = content[i + 1];
                if (escape == 'u')
                {
                    int size = content[i + 2] == '{'
                        ? ReadVariableWidthUnicodeEscape(offset + i, out int codePoint)
                        : ReadFixedWidthUnicodeEscape(offset + i, out codePoint);
                    written += new Rune(codePoint).EncodeToUtf16(buffer[written..]);
                    i += size;
                    continue;
                }

                buffer[written++] = escape switch
                {
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => (char)escape,
                };
                i += 2;
            }

            return new string(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Text of <paramref name="length"/> characters from a byte offset, clipped to the source, whole characters only.</summary>
    private readonly string SliceText(int position, int length)
    {
        int end = position;
        for (int i = 0; i < length && end < _source.Length; i++)
        {
            byte b = _source[end];
            end += b < 0x80 ? 1 : Math.Max(1, System.Numerics.BitOperations.LeadingZeroCount((uint)(byte)~b) - 24);
        }

        return Encoding.UTF8.GetString(_source[position..Math.Min(end, _source.Length)]);
    }

    /// <summary>A code point as graphql-js prints it in messages: "a", '"', U+00E9 or &lt;EOF&gt;.</summary>
    private readonly string DescribeCodePointAt(int position)
    {
        if ((uint)position >= (uint)_source.Length)
        {
            return "<EOF>";
        }

        if (Rune.DecodeFromUtf8(_source[position..], out Rune rune, out _) != System.Buffers.OperationStatus.Done)
        {
            return $"0x{_source[position]:X2}";
        }

        int value = rune.Value;
        if (value is >= 0x20 and <= 0x7E)
        {
            return value == '"' ? "'\"'" : $"\"{(char)value}\"";
        }

        return $"U+{value:X4}";
    }

    private readonly GraphQLSyntaxException UnexpectedCharacter(int position)
    {
        if (_source[position] == '\'')
        {
            return Error(position, "Unexpected single quote character ('), did you mean to use a double quote (\")?");
        }

        if (Rune.DecodeFromUtf8(_source[position..], out _, out _) != System.Buffers.OperationStatus.Done)
        {
            return InvalidUtf8(position);
        }

        return Error(position, $"Unexpected character: {DescribeCodePointAt(position)}.");
    }

    private readonly GraphQLSyntaxException InvalidUtf8(int position) =>
        Error(position, $"Invalid character: invalid UTF-8 byte 0x{_source[position]:X2}.");

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out int size) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += size;
        }

        return i;
    }
}
