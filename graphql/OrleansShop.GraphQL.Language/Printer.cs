using System.Text;

namespace OrleansShop.GraphQL.Language;

/// <summary>
/// Prints an AST as GraphQL source exactly like graphql-js 17 <c>print</c>: two-space indentation,
/// argument lists, lists and objects broken over lines when longer than 80 characters, block
/// strings kept as block strings. Printing a parsed document and parsing the result again gives
/// an equal AST.
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    public static string Print(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return P(node);
    }

    private static string P(SyntaxNode? node) => node switch
    {
        null => string.Empty,
        NameNode n => n.Value,
        VariableNode n => "$" + n.Name.Value,
        DocumentNode n => Join(n.Definitions, "\n\n"),
        OperationDefinitionNode n => PrintOperation(n),
        VariableDefinitionNode n => Join(
            Wrap(string.Empty, P(n.Description), "\n"),
            P(n.Variable),
            ": ",
            P(n.Type),
            Wrap(" = ", P(n.DefaultValue)),
            Wrap(" ", Join(n.Directives, " "))),
        SelectionSetNode n => n.Selections.Count == 0 ? "{}" : Block(n.Selections),
        FieldNode n => Join(
            WrappedLineAndArguments(Join(Wrap(string.Empty, P(n.Alias), ": "), P(n.Name)), n.Arguments),
            Wrap(" ", Join(n.Directives, " ")),
            Wrap(" ", P(n.SelectionSet))),
        ArgumentNode n => Join(P(n.Name), ": ", P(n.Value)),
        FragmentSpreadNode n => Join("..." + P(n.Name), Wrap(" ", Join(n.Directives, " "))),
        InlineFragmentNode n => JoinWith(" ", "...", Wrap("on ", P(n.TypeCondition)), Join(n.Directives, " "), P(n.SelectionSet)),
        FragmentDefinitionNode n => Join(
            Wrap(string.Empty, P(n.Description), "\n"),
            "fragment ",
            P(n.Name),
            " on ",
            P(n.TypeCondition),
            " ",
            Wrap(string.Empty, Join(n.Directives, " "), " "),
            P(n.SelectionSet)),
        IntValueNode n => n.Value,
        FloatValueNode n => n.Value,
        StringValueNode n => n.Block ? BlockStrings.Print(n.Value) : PrintString(n.Value),
        BooleanValueNode n => n.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode n => n.Value,
        ListValueNode n => 2 + JoinedLength(n.Values, ", ") > MaxLineLength
            ? Wrap("[\n", Indent(Join(n.Values, "\n")), "\n]")
            : "[" + Join(n.Values, ", ") + "]",
        ObjectValueNode n => 4 + JoinedLength(n.Fields, ", ") > MaxLineLength
            ? Block(n.Fields)
            : "{ " + Join(n.Fields, ", ") + " }",
        ObjectFieldNode n => Join(P(n.Name), ": ", P(n.Value)),
        DirectiveNode n => Join("@", P(n.Name), Wrap("(", Join(n.Arguments, ", "), ")")),
        NamedTypeNode n => P(n.Name),
        ListTypeNode n => "[" + P(n.Type) + "]",
        NonNullTypeNode n => P(n.Type) + "!",
        SchemaDefinitionNode n => Join(
            Wrap(string.Empty, P(n.Description), "\n"),
            JoinWith(" ", "schema", Join(n.Directives, " "), Block(n.OperationTypes))),
        OperationTypeDefinitionNode n => Join(OperationName(n.Operation), ": ", P(n.Type)),
        ScalarTypeDefinitionNode n => Join(
            Wrap(string.Empty, P(n.Description), "\n"),
            JoinWith(" ", "scalar", P(n.Name), Join(n.Directives, " "))),
        ObjectTypeDefinitionNode n => Join(
            Wrap(string.Empty, P(n.Description), "\n"),
            JoinWith(" ", "type", P(n.Name), Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "), Block(n.Fields))),
        FieldDefinitionNode n => Join(
            Wrap(string.Empty, P(n.Description), "\n"),
            P(n.Name),
            ArgumentDefinitions(n.Arguments),
            ": ",
            P(n.Type),
            Wrap(" ", Join(n.Directives, " "))),
        InputValueDefinitionNode n => Join(
            Wrap(string.Empty, P(n.Description), "\n"),
            P(n.Name),
            ": ",
            P(n.Type),
            Wrap(" = ", P(n.DefaultValue)),
            Wrap(" ", Join(n.Directives, " "))),
        InterfaceTypeDefinitionNode n => Join(
            Wrap(string.Empty, P(n.Description), "\n"),
            JoinWith(" ", "interface", P(n.Name), Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "), Block(n.Fields))),
        UnionTypeDefinitionNode n => Join(
            Wrap(string.Empty, P(n.Description), "\n"),
            JoinWith(" ", "union", P(n.Name), Join(n.Directives, " "), Wrap("= ", Join(n.Types, " | ")))),
        EnumTypeDefinitionNode n => Join(
            Wrap(string.Empty, P(n.Description), "\n"),
            JoinWith(" ", "enum", P(n.Name), Join(n.Directives, " "), Block(n.Values))),
        EnumValueDefinitionNode n => Join(
            Wrap(string.Empty, P(n.Description), "\n"),
            JoinWith(" ", P(n.Name), Join(n.Directives, " "))),
        InputObjectTypeDefinitionNode n => Join(
            Wrap(string.Empty, P(n.Description), "\n"),
            JoinWith(" ", "input", P(n.Name), Join(n.Directives, " "), Block(n.Fields))),
        DirectiveDefinitionNode n => Join(
            Wrap(string.Empty, P(n.Description), "\n"),
            "directive @",
            P(n.Name),
            ArgumentDefinitions(n.Arguments),
            n.Repeatable ? " repeatable" : string.Empty,
            " on ",
            Join(n.Locations, " | ")),
        SchemaExtensionNode n => JoinWith(" ", "extend schema", Join(n.Directives, " "), Block(n.OperationTypes)),
        ScalarTypeExtensionNode n => JoinWith(" ", "extend scalar", P(n.Name), Join(n.Directives, " ")),
        ObjectTypeExtensionNode n => JoinWith(" ", "extend type", P(n.Name), Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "), Block(n.Fields)),
        InterfaceTypeExtensionNode n => JoinWith(" ", "extend interface", P(n.Name), Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "), Block(n.Fields)),
        UnionTypeExtensionNode n => JoinWith(" ", "extend union", P(n.Name), Join(n.Directives, " "), Wrap("= ", Join(n.Types, " | "))),
        EnumTypeExtensionNode n => JoinWith(" ", "extend enum", P(n.Name), Join(n.Directives, " "), Block(n.Values)),
        InputObjectTypeExtensionNode n => JoinWith(" ", "extend input", P(n.Name), Join(n.Directives, " "), Block(n.Fields)),
        TypeCoordinateNode n => P(n.Name),
        MemberCoordinateNode n => Join(P(n.Name), Wrap(".", P(n.MemberName))),
        ArgumentCoordinateNode n => Join(P(n.Name), Wrap(".", P(n.FieldName)), Wrap("(", P(n.ArgumentName), ":)")),
        DirectiveCoordinateNode n => Join("@", P(n.Name)),
        DirectiveArgumentCoordinateNode n => Join("@", P(n.Name), Wrap("(", P(n.ArgumentName), ":)")),
        _ => throw new ArgumentException($"Cannot print a node of kind \"{node.Kind}\".", nameof(node)),
    };

    private static string PrintOperation(OperationDefinitionNode node)
    {
        string[] variables = PrintAll(node.VariableDefinitions);

        // Variables with descriptions span lines; graphql-js then puts each on its own line, unindented.
        string variableDefinitions = HasMultilineItems(variables)
            ? Wrap("(\n", JoinStrings(variables, "\n"), "\n)")
            : Wrap("(", JoinStrings(variables, ", "), ")");
        string operation = OperationName(node.Operation);
        string prefix = Join(
            Wrap(string.Empty, P(node.Description), "\n"),
            JoinWith(" ", operation, Join(P(node.Name), variableDefinitions), Join(node.Directives, " ")));

        // The query shorthand: an anonymous query with nothing else prints as just its selection set.
        string head = node.Operation == OperationType.Query && prefix.Length == operation.Length ? string.Empty : prefix + " ";
        return head + P(node.SelectionSet);
    }

    private static string ArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        string[] printed = PrintAll(arguments);
        return HasMultilineItems(printed)
            ? Wrap("(\n", Indent(JoinStrings(printed, "\n")), "\n)")
            : Wrap("(", JoinStrings(printed, ", "), ")");
    }

    private static string WrappedLineAndArguments(string prefix, IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count == 0)
        {
            return prefix;
        }

        string[] printed = PrintAll(arguments);
        return prefix + (prefix.Length + JoinStrings(printed, ", ").Length + 2 > MaxLineLength
            ? Wrap("(\n", Indent(JoinStrings(printed, "\n")), "\n)")
            : Wrap("(", JoinStrings(printed, ", "), ")"));
    }

    private static string OperationName(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    private static string[] PrintAll<T>(IReadOnlyList<T> nodes)
        where T : SyntaxNode
    {
        var printed = new string[nodes.Count];
        for (int i = 0; i < printed.Length; i++)
        {
            printed[i] = P(nodes[i]);
        }

        return printed;
    }

    private static bool HasMultilineItems(string[] items)
    {
        foreach (string item in items)
        {
            if (item.Contains('\n', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Join<T>(IReadOnlyList<T> nodes, string separator)
        where T : SyntaxNode => JoinStrings(PrintAll(nodes), separator);

    private static int JoinedLength<T>(IReadOnlyList<T> nodes, string separator)
        where T : SyntaxNode => Join(nodes, separator).Length;

    private static string Join(params ReadOnlySpan<string> parts) => JoinWith(string.Empty, parts);

    /// <summary>Joins the non-empty parts with the separator (graphql-js <c>join</c>).</summary>
    private static string JoinWith(string separator, params ReadOnlySpan<string> parts)
    {
        var builder = new StringBuilder();
        foreach (string part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(separator);
            }

            builder.Append(part);
        }

        return builder.ToString();
    }

    private static string JoinStrings(string[] parts, string separator) => JoinWith(separator, parts);

    /// <summary>start + text + end, or nothing when the text is empty (graphql-js <c>wrap</c>).</summary>
    private static string Wrap(string start, string text, string end = "") =>
        text.Length == 0 ? string.Empty : start + text + end;

    private static string Indent(string text) =>
        text.Length == 0 ? string.Empty : "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    private static string Block<T>(IReadOnlyList<T> nodes)
        where T : SyntaxNode => Wrap("{\n", Indent(Join(nodes, "\n")), "\n}");

    /// <summary>A double-quoted string: escapes quotes, backslashes and control characters (graphql-js printString).</summary>
    internal static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case < ' ' or (>= '\u007F' and <= '\u009F'):
                    builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }
}
