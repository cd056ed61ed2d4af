using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.8.5 All Variable Usages Are Allowed: a variable's type must fit where it is used; a nullable variable may
/// stand for a non-null position when it or the position has a default. A variable given to a OneOf field must be non-null.
/// </summary>
internal sealed class VariablesInAllowedPositionRule(ValidationContext context) : ValidationRule(context)
{
    public override VisitorAction Leave(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return VisitorAction.Continue;
        }

        var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            definitions[definition.Variable.Name.Value] = definition;
        }

        foreach (var usage in Context.GetRecursiveVariableUsages(operation))
        {
            string name = usage.Node.Name.Value;
            if (!definitions.TryGetValue(name, out var definition) || usage.Type is not { } locationType)
            {
                continue;
            }

            if (TypeInfo.TypeFromAst(Context.Schema, definition.Type) is not { } variableType)
            {
                continue;
            }

            if (!IsAllowed(variableType, definition.DefaultValue, locationType, usage.HasLocationDefault))
            {
                Context.ReportError(
                    $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{locationType}\".",
                    definition,
                    usage.Node);
            }

            if (usage.ParentInputType is InputObjectType { IsOneOf: true } oneOf && !variableType.IsNonNull)
            {
                Context.ReportError(
                    $"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".",
                    definition,
                    usage.Node);
            }
        }

        return VisitorAction.Continue;
    }

    private bool IsAllowed(GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool locationHasDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            bool hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && !locationHasDefault)
            {
                return false;
            }

            return Utilities.TypeComparators.IsTypeSubTypeOf(Context.Schema, variableType, nonNullLocation.OfType);
        }

        return Utilities.TypeComparators.IsTypeSubTypeOf(Context.Schema, variableType, locationType);
    }
}
