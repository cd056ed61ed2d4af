namespace OrleansShop.GraphQL.Types;

/// <summary>The kinds of literal a scalar may be written as in a document.</summary>
public enum ScalarLiteralKind
{
    Int,
    Float,
    String,
    Boolean,
    Enum,
    Null,
    List,
    Object,
}
