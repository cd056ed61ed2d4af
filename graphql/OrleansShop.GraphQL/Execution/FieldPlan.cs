using System.Text.Json;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// One response key of a selection set on one object type, computed once per cached document: the field definition,
/// the merged field nodes, pre-coerced arguments when they use no variables, and the plans of its sub-selections per concrete type.
/// </summary>
internal sealed class FieldPlan
{
    private (ObjectType Type, SelectionPlan Plan)[] _children = [];

    public FieldPlan(string responseName, FieldDefinition? field, List<FieldNode> nodes)
    {
        ResponseName = responseName;
        EncodedName = JsonEncodedText.Encode(responseName);
        Field = field;
        Nodes = nodes;
        var named = field?.Type is NonNullType nonNull ? nonNull.OfType : field?.Type;
        LeafScalar = named as ScalarType;
        LeafEnum = named as EnumType;
        ReadsParentProperty = field is { ParentGetter: not null, Resolver: null };
    }

    /// <summary>The field's scalar type when it is one (possibly non-null), so a leaf completes without the general path.</summary>
    public ScalarType? LeafScalar { get; }

    /// <summary>The field's enum type when it is one (possibly non-null).</summary>
    public EnumType? LeafEnum { get; }

    /// <summary>True when the field reads a property of its parent through a compiled getter (no resolver).</summary>
    public bool ReadsParentProperty { get; }

    public string ResponseName { get; }

    public JsonEncodedText EncodedName { get; }

    /// <summary>The field; null for <c>__typename</c>.</summary>
    public FieldDefinition? Field { get; }

    public List<FieldNode> Nodes { get; }

    public bool IsTypeName => Field is null;

    /// <summary>Arguments coerced at planning time when no argument uses a variable; null when they must be coerced per request.</summary>
    public IReadOnlyDictionary<string, object?>? StaticArguments { get; set; }

    /// <summary>The error that coercing constant arguments raised, reported when the field executes.</summary>
    public GraphQLException? StaticArgumentError { get; set; }

    public SelectionPlan? GetChild(ObjectType type)
    {
        var children = _children;
        for (var i = 0; i < children.Length; i++)
        {
            if (ReferenceEquals(children[i].Type, type))
            {
                return children[i].Plan;
            }
        }

        return null;
    }

    public void AddChild(ObjectType type, SelectionPlan plan)
    {
        lock (Nodes)
        {
            if (GetChild(type) is null)
            {
                _children = [.. _children, (type, plan)];
            }
        }
    }
}
