namespace OrleansShop.GraphQL.Language;

/// <summary>The lexical tokens of a schema coordinate: SchemaCoordinatePunctuator (one of <c>( ) . : @</c>) and Name.</summary>
internal enum SchemaCoordinateTokenKind : byte
{
    StartOfFile,
    EndOfFile,
    Name,
    Dot,
    LeftParenthesis,
    RightParenthesis,
    Colon,
    At,
}
