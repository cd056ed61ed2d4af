namespace OrleansShop.GraphQL.Language;

/// <summary>
/// Where a node or token sits in its source.
/// <see cref="Start"/> and <see cref="End"/> are UTF-8 byte offsets (the lexer reads bytes, and
/// offsets let a consumer slice the original buffer); <see cref="Line"/> and <see cref="Column"/>
/// are 1-based and the column counts UTF-16 code units like graphql-js, so error positions agree
/// with what editors and graphql-js report.
/// </summary>
public readonly record struct Location(int Start, int End, int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column} [{Start}..{End})";
}
