using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>
/// A reference to a type that is resolved when the schema is built, so types can refer to each other in any order:
/// SDL syntax (<c>[Product!]!</c>), an existing <see cref="GraphQLType"/>, or a CLR type whose GraphQL type is inferred.
/// </summary>
internal abstract record TypeReference
{
    public static TypeReference FromSyntax(string type) => new SyntaxTypeReference(TypeSyntax.Parse(type));
}

internal sealed record SyntaxTypeReference(TypeNode Syntax) : TypeReference
{
    public override string ToString() => TypeSyntax.Print(Syntax);
}

internal sealed record DirectTypeReference(GraphQLType Type) : TypeReference
{
    public override string ToString() => Type.ToString();
}

/// <summary>A CLR type with the nullability read from its declaration; <see cref="Item"/> is set for lists.</summary>
internal sealed record ClrTypeReference(Type ClrType, bool Nullable, ClrTypeReference? Item) : TypeReference
{
    public override string ToString() => Item is null ? ClrType.Name + (Nullable ? string.Empty : "!") : "[" + Item + "]" + (Nullable ? string.Empty : "!");
}
