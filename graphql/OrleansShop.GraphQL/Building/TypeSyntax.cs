using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>Reads and prints type references such as <c>[Product!]!</c> (spec 2.11 Type References).</summary>
internal static class TypeSyntax
{
    public static TypeNode Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var position = 0;
        var node = ParseType(text.Trim(), ref position);
        if (position != text.Trim().Length)
        {
            throw Invalid(text);
        }

        return node;
    }

    public static string Print(TypeNode node) => node switch
    {
        NamedTypeNode named => named.Name.Value,
        ListTypeNode list => "[" + Print(list.Type) + "]",
        NonNullTypeNode nonNull => Print(nonNull.Type) + "!",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static TypeNode ParseType(string text, ref int position)
    {
        SkipWhitespace(text, ref position);
        TypeNode node;
        if (position < text.Length && text[position] == '[')
        {
            position++;
            var item = ParseType(text, ref position);
            SkipWhitespace(text, ref position);
            if (position >= text.Length || text[position] != ']')
            {
                throw Invalid(text);
            }

            position++;
            node = new ListTypeNode { Type = item };
        }
        else
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
            {
                position++;
            }

            if (start == position || char.IsAsciiDigit(text[start]))
            {
                throw Invalid(text);
            }

            node = new NamedTypeNode { Name = new NameNode(text[start..position]) };
        }

        SkipWhitespace(text, ref position);
        if (position < text.Length && text[position] == '!')
        {
            position++;
            node = new NonNullTypeNode { Type = node };
        }

        return node;
    }

    private static void SkipWhitespace(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }
    }

    private static SchemaException Invalid(string text) => new($"\"{text}\" is not a valid type reference; expected e.g. \"String\", \"Int!\" or \"[Product!]!\".");
}
