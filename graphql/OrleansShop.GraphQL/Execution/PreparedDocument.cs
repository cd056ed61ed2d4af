using System.Collections.Concurrent;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// A parsed (and, by the caller, validated) document ready to execute against one schema, with its execution plans cached.
/// Create one per distinct operation with <see cref="RequestExecutor.Prepare(DocumentNode)"/> and cache it: parse, validation
/// and field collection then happen once, not per request.
/// </summary>
public sealed class PreparedDocument
{
    private readonly ConcurrentDictionary<(OperationDefinitionNode, ulong), SelectionPlan> _rootPlans = new();

    internal PreparedDocument(GraphQLSchema schema, DocumentNode document)
    {
        Schema = schema;
        Document = document;
        var conditionVariables = new List<string>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode operation:
                    Operations.Add(operation);
                    break;
                case FragmentDefinitionNode fragment:
                    Fragments.TryAdd(fragment.Name.Value, fragment);
                    break;
            }

            if (definition is ExecutableDefinitionNode executable)
            {
                FindConditionVariables(executable.SelectionSet, conditionVariables);
            }
        }

        ConditionVariables = [.. conditionVariables];
    }

    public GraphQLSchema Schema { get; }

    public DocumentNode Document { get; }

    internal List<OperationDefinitionNode> Operations { get; } = [];

    internal Dictionary<string, FragmentDefinitionNode> Fragments { get; } = new(StringComparer.Ordinal);

    /// <summary>Variables that @skip or @include read; their values select which cached plan applies.</summary>
    internal string[] ConditionVariables { get; }

    internal SelectionPlan GetRootPlan(OperationDefinitionNode operation, ObjectType rootType, ulong conditionMask, IReadOnlyDictionary<string, object?> variables) =>
        _rootPlans.TryGetValue((operation, conditionMask), out var plan)
            ? plan
            : _rootPlans.GetOrAdd((operation, conditionMask), _ => FieldCollector.Plan(this, rootType, [operation.SelectionSet], variables));

    private static void FindConditionVariables(SelectionSetNode selectionSet, List<string> names)
    {
        foreach (var selection in selectionSet.Selections)
        {
            foreach (var directive in selection.Directives)
            {
                if (directive.Name.Value is "skip" or "include")
                {
                    foreach (var argument in directive.Arguments)
                    {
                        if (argument.Value is VariableNode variable && !names.Contains(variable.Name.Value))
                        {
                            names.Add(variable.Name.Value);
                        }
                    }
                }
            }

            var child = selection switch
            {
                FieldNode field => field.SelectionSet,
                InlineFragmentNode inline => inline.SelectionSet,
                _ => null,
            };
            if (child is not null)
            {
                FindConditionVariables(child, names);
            }
        }
    }
}
