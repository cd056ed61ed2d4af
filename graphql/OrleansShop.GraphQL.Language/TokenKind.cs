namespace OrleansShop.GraphQL.Language;

/// <summary>
/// The lexical tokens of spec 2.1 that the parser sees. Ignored tokens (white space, line
/// terminators, commas, comments, the byte order mark) never become tokens.
/// </summary>
internal enum TokenKind : byte
{
    StartOfFile,
    EndOfFile,
    Bang,
    Dollar,
    Ampersand,
    LeftParenthesis,
    RightParenthesis,
    Spread,
    Colon,
    Equals,
    At,
    LeftBracket,
    RightBracket,
    LeftBrace,
    Pipe,
    RightBrace,
    Name,
    Int,
    Float,
    String,
    BlockString,
}
