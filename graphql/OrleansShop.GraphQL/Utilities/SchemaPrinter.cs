using System.Text;
using OrleansShop.GraphQL.Introspection;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Utilities;

/// <summary>
/// Prints a schema as SDL in graphql-js <c>printSchema</c>'s exact format, so output can be compared textually with graphql-js.
/// Built-in scalars, introspection types and specified directives are left out, as graphql-js does.
/// </summary>
public static class SchemaPrinter
{
    /// <summary>Prints the schema; with <paramref name="sortLexicographically"/> types, fields, arguments and values are sorted by name (graphql-js <c>lexicographicSortSchema</c>).</summary>
    public static string Print(GraphQLSchema schema, bool sortLexicographically = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } definition)
        {
            parts.Add(definition);
        }

        var directives = schema.Directives.Where(d => !d.IsSpecified);
        var types = schema.Types.Where(t => !(t is ScalarType { IsSpecified: true }) && !IntrospectionTypes.IsIntrospectionType(t));
        if (sortLexicographically)
        {
            directives = directives.OrderBy(d => d.Name, StringComparer.Ordinal);
            types = types.OrderBy(t => t.Name, StringComparer.Ordinal);
        }

        parts.AddRange(directives.Select(d => PrintDirective(d, sortLexicographically)));
        parts.AddRange(types.Select(t => PrintType(t, sortLexicographically)));
        return string.Join("\n\n", parts);
    }

    /// <summary>Prints one named type as SDL.</summary>
    public static string PrintType(NamedType type, bool sortLexicographically = false) => type switch
    {
        ScalarType scalar => Description(scalar.Description) + "scalar " + scalar.Name + SpecifiedBy(scalar),
        ObjectType objectType => Description(objectType.Description) + "type " + objectType.Name + Interfaces(objectType, sortLexicographically) + Fields(objectType, sortLexicographically),
        InterfaceType interfaceType => Description(interfaceType.Description) + "interface " + interfaceType.Name + Interfaces(interfaceType, sortLexicographically) + Fields(interfaceType, sortLexicographically),
        UnionType union => Description(union.Description) + "union " + union.Name + (union.Types.Count > 0 ? " = " + string.Join(" | ", Sort(union.Types, t => t.Name, sortLexicographically).Select(t => t.Name)) : string.Empty),
        EnumType enumType => Description(enumType.Description) + "enum " + enumType.Name + Block(Sort(enumType.Values, v => v.Name, sortLexicographically)
            .Select((v, i) => Description(v.Description, "  ", i == 0) + "  " + v.Name + Deprecated(v.DeprecationReason)).ToList()),
        InputObjectType input => Description(input.Description) + "input " + input.Name + (input.IsOneOf ? " @oneOf" : string.Empty) + Block(Sort(input.Fields, f => f.Name, sortLexicographically)
            .Select((f, i) => Description(f.Description, "  ", i == 0) + "  " + InputValue(f, sortLexicographically)).ToList()),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static string? PrintSchemaDefinition(GraphQLSchema schema)
    {
        var commonNames = schema.QueryType.Name == "Query"
            && (schema.MutationType is null || schema.MutationType.Name == "Mutation")
            && (schema.SubscriptionType is null || schema.SubscriptionType.Name == "Subscription");
        if (schema.Description is null && commonNames)
        {
            return null;
        }

        var operations = new List<string> { "  query: " + schema.QueryType.Name };
        if (schema.MutationType is not null)
        {
            operations.Add("  mutation: " + schema.MutationType.Name);
        }

        if (schema.SubscriptionType is not null)
        {
            operations.Add("  subscription: " + schema.SubscriptionType.Name);
        }

        return Description(schema.Description) + "schema {\n" + string.Join("\n", operations) + "\n}";
    }

    private static string PrintDirective(DirectiveDefinition directive, bool sort) =>
        Description(directive.Description) + "directive @" + directive.Name + Arguments(Sort(directive.Arguments, a => a.Name, sort).ToList(), string.Empty, sort)
        + (directive.IsRepeatable ? " repeatable" : string.Empty)
        + " on " + string.Join(" | ", Sort(directive.Locations.Select(l => l.ToName()), l => l, sort));

    private static string Interfaces(ComplexType type, bool sort) =>
        type.Interfaces.Count > 0 ? " implements " + string.Join(" & ", Sort(type.Interfaces, i => i.Name, sort).Select(i => i.Name)) : string.Empty;

    private static string Fields(ComplexType type, bool sort) =>
        Block(Sort(type.Fields, f => f.Name, sort).Select((f, i) =>
            Description(f.Description, "  ", i == 0) + "  " + f.Name + Arguments(Sort(f.Arguments, a => a.Name, sort).ToList(), "  ", sort) + ": " + f.Type + Deprecated(f.DeprecationReason)).ToList());

    private static string Block(List<string> items) => items.Count > 0 ? " {\n" + string.Join("\n", items) + "\n}" : string.Empty;

    private static string Arguments(List<InputValueDefinition> arguments, string indentation, bool sort)
    {
        if (arguments.Count == 0)
        {
            return string.Empty;
        }

        if (arguments.All(a => a.Description is null))
        {
            return "(" + string.Join(", ", arguments.Select(a => InputValue(a, sort))) + ")";
        }

        return "(\n" + string.Join("\n", arguments.Select((a, i) => Description(a.Description, "  " + indentation, i == 0) + "  " + indentation + InputValue(a, sort))) + "\n" + indentation + ")";
    }

    private static string InputValue(InputValueDefinition value, bool sort)
    {
        var declaration = value.Name + ": " + value.Type;
        if (ValuePrinter.PrintDefault(value, sort) is { } literal)
        {
            declaration += " = " + literal;
        }

        return declaration + Deprecated(value.DeprecationReason);
    }

    private static string Deprecated(string? reason) => reason switch
    {
        null => string.Empty,
        SpecifiedDirectives.DefaultDeprecationReason => " @deprecated",
        _ => " @deprecated(reason: " + ValuePrinter.PrintString(reason) + ")",
    };

    private static string SpecifiedBy(ScalarType scalar) =>
        scalar.SpecifiedByUrl is null ? string.Empty : " @specifiedBy(url: " + ValuePrinter.PrintString(scalar.SpecifiedByUrl) + ")";

    private static string Description(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return string.Empty;
        }

        var printed = IsPrintableAsBlockString(description) ? BlockString(description) : ValuePrinter.PrintString(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + printed.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }

    // A description prints as a block string unless that would change its value (control characters, leading or
    // trailing blank lines, or a common indentation the block string rules would strip).
    private static bool IsPrintableAsBlockString(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        bool emptyLine = true, hasIndent = false, commonIndent = true, seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case < '\t' or '\u000B' or '\u000C' or (> '\r' and < ' ') or '\r':
                    return false;
                case '\n':
                    if (emptyLine && !seenNonEmptyLine)
                    {
                        return false;
                    }

                    seenNonEmptyLine = true;
                    emptyLine = true;
                    hasIndent = false;
                    break;
                case '\t' or ' ':
                    hasIndent |= emptyLine;
                    break;
                default:
                    commonIndent &= hasIndent;
                    emptyLine = false;
                    break;
            }
        }

        return !emptyLine && !(commonIndent && seenNonEmptyLine);
    }

    private static string BlockString(string value)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = escaped.Split('\n');
        var singleLine = lines.Length == 1;
        var forceLeadingNewLine = lines.Length > 1 && lines.Skip(1).All(l => l.Length == 0 || l[0] is ' ' or '\t');
        var trailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var forceTrailingNewLine = (value.EndsWith('"') && !trailingTripleQuotes) || value.EndsWith('\\');
        var multipleLines = !singleLine || value.Length > 70 || forceTrailingNewLine || forceLeadingNewLine || trailingTripleQuotes;
        var builder = new StringBuilder("\"\"\"");
        var skipLeadingNewLine = singleLine && value.Length > 0 && value[0] is ' ' or '\t';
        if ((multipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            builder.Append('\n');
        }

        builder.Append(escaped);
        if (multipleLines || forceTrailingNewLine)
        {
            builder.Append('\n');
        }

        return builder.Append("\"\"\"").ToString();
    }

    private static IEnumerable<T> Sort<T>(IEnumerable<T> items, Func<T, string> name, bool sort) =>
        sort ? items.OrderBy(name, StringComparer.Ordinal) : items;
}
