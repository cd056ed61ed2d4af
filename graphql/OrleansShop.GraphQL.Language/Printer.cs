namespace OrleansShop.GraphQL.Language;

/// <summary>Prints an AST exactly like graphql-js <c>print</c>.</summary>
public static class Printer
{
    public static string Print(SyntaxNode node) => throw new NotImplementedException();
}
