using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>Spec 5.3.1 Field Selections: a selected field must be defined on the type it is selected on.</summary>
internal sealed class FieldsOnCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is FieldNode field && Context.TypeInfo.ParentType is { } type && Context.TypeInfo.FieldDef is null)
        {
            string fieldName = field.Name.Value;
            string suggestion = string.Empty;
            if (!Context.HideSuggestions)
            {
                suggestion = Suggestions.DidYouMean(SuggestedTypeNames(type, fieldName), "to use an inline fragment on");
                if (suggestion.Length == 0 && type is ComplexType complex)
                {
                    suggestion = Suggestions.DidYouMean(Suggestions.List(fieldName, complex.Fields.Select(f => f.Name)));
                }
            }

            Context.ReportError($"Cannot query field \"{fieldName}\" on type \"{type.Name}\"." + suggestion, field);
        }

        return VisitorAction.Continue;
    }

    /// <summary>Types within an abstract type that do have the field, most used interfaces first.</summary>
    private List<string> SuggestedTypeNames(NamedType type, string fieldName)
    {
        if (!type.IsAbstractType)
        {
            return [];
        }

        var schema = Context.Schema;
        var suggested = new List<NamedType>();
        var usage = new Dictionary<NamedType, int>();
        foreach (var possible in schema.GetPossibleTypes(type))
        {
            if (possible.GetField(fieldName) is null)
            {
                continue;
            }

            if (!usage.ContainsKey(possible))
            {
                suggested.Add(possible);
            }

            usage[possible] = 1;
            foreach (var implemented in possible.Interfaces)
            {
                if (implemented.GetField(fieldName) is null)
                {
                    continue;
                }

                if (!usage.ContainsKey(implemented))
                {
                    suggested.Add(implemented);
                }

                usage[implemented] = usage.GetValueOrDefault(implemented) + 1;
            }
        }

        suggested.Sort((a, b) =>
        {
            int diff = usage[b] - usage[a];
            if (diff != 0)
            {
                return diff;
            }

            if (a is InterfaceType && schema.IsSubType(a, b))
            {
                return -1;
            }

            if (b is InterfaceType && schema.IsSubType(b, a))
            {
                return 1;
            }

            return Suggestions.NaturalCompare(a.Name, b.Name);
        });
        return suggested.ConvertAll(t => t.Name);
    }
}
