using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.6.1 Values of Correct Type, including the OneOf Input Object rules: every literal must coerce to the type
/// expected where it stands. Like graphql-js 17, a whole literal is checked from its outermost value.
/// </summary>
internal sealed class ValuesOfCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        switch (node)
        {
            case VariableNode:
                return VisitorAction.Continue;
            case ListValueNode:
                Check(node, Context.TypeInfo.ParentInputType);
                return VisitorAction.Skip;
            case ValueNode:
                Check(node, Context.TypeInfo.InputType);
                return VisitorAction.Skip;
            default:
                return VisitorAction.Continue;
        }
    }

    private void Check(SyntaxNode node, GraphQLType? type)
    {
        if (type is not null)
        {
            Validate((ValueNode)node, type);
        }
    }

    private void Validate(ValueNode node, GraphQLType type)
    {
        if (node is VariableNode)
        {
            return;
        }

        if (type is NonNullType nonNull)
        {
            if (node is NullValueNode)
            {
                Context.ReportError($"Expected value of non-null type \"{type}\" not to be null.", node);
                return;
            }

            Validate(node, nonNull.OfType);
            return;
        }

        if (node is NullValueNode)
        {
            return;
        }

        switch (type)
        {
            case ListType list:
                if (node is ListValueNode listValue)
                {
                    foreach (var item in listValue.Values)
                    {
                        Validate(item, list.OfType);
                    }
                }
                else
                {
                    Validate(node, list.OfType);
                }

                break;
            case InputObjectType inputObject:
                ValidateObject(node, inputObject);
                break;
            case EnumType enumType:
                ValidateEnum(node, enumType);
                break;
            case ScalarType scalar:
                try
                {
                    scalar.ParseLiteral(ValueCoercion.ToScalarLiteral(node));
                }
                catch (ValueCoercionException exception)
                {
                    Context.ReportError(exception.Message, node);
                }

                break;
        }
    }

    private void ValidateObject(ValueNode node, InputObjectType type)
    {
        if (node is not ObjectValueNode objectValue)
        {
            Context.ReportError($"Expected value of type \"{type.Name}\" to be an object, found: {Printer.Print(node)}.", node);
            return;
        }

        var fieldNodes = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var field in objectValue.Fields)
        {
            fieldNodes[field.Name.Value] = field;
        }

        foreach (var field in type.Fields)
        {
            if (fieldNodes.TryGetValue(field.Name, out var fieldNode))
            {
                Validate(fieldNode.Value, field.Type);
            }
            else if (field.IsRequired)
            {
                Context.ReportError(
                    $"Expected value of type \"{type.Name}\" to include required field \"{field.Name}\", found: {Printer.Print(node)}.", node);
            }
        }

        var knownFields = new List<ObjectFieldNode>();
        foreach (var field in objectValue.Fields)
        {
            string name = field.Name.Value;
            if (type.GetField(name) is null)
            {
                string suggestion = Context.HideSuggestions
                    ? string.Empty
                    : Suggestions.DidYouMean(Suggestions.List(name, type.Fields.Select(f => f.Name)));
                Context.ReportError(
                    $"Expected value of type \"{type.Name}\" not to include unknown field \"{name}\""
                    + (suggestion.Length > 0 ? "." + suggestion + " Found" : ", found") + $": {Printer.Print(node)}.",
                    field);
            }
            else
            {
                knownFields.Add(field);
            }
        }

        if (type.IsOneOf && (knownFields.Count != 1 || knownFields[0].Value is NullValueNode))
        {
            Context.ReportError(
                $"Within OneOf Input Object type \"{type.Name}\", exactly one field must be specified, and the value for that field must be non-null.",
                node);
        }
    }

    private void ValidateEnum(ValueNode node, EnumType type)
    {
        if (node is not EnumValueNode enumValue)
        {
            string hint = Context.HideSuggestions || node is not StringValueNode stringValue
                ? string.Empty
                : Suggestions.DidYouMean(Suggestions.List(stringValue.Value, type.Values.Select(v => v.Name)), "the enum value");
            Context.ReportError($"Enum \"{type.Name}\" cannot represent non-enum value: {Printer.Print(node)}." + hint, node);
            return;
        }

        if (type.GetValue(enumValue.Value) is null)
        {
            string hint = Context.HideSuggestions
                ? string.Empty
                : Suggestions.DidYouMean(Suggestions.List(enumValue.Value, type.Values.Select(v => v.Name)), "the enum value");
            Context.ReportError($"Value \"{enumValue.Value}\" does not exist in \"{type.Name}\" enum." + hint, node);
        }
    }
}
