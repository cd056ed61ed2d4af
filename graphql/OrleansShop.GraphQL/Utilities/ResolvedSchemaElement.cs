namespace OrleansShop.GraphQL.Utilities;

/// <summary>
/// The schema element a schema coordinate names (graphql-js <c>ResolvedSchemaElement</c>): one of
/// <see cref="ResolvedNamedType"/>, <see cref="ResolvedField"/>, <see cref="ResolvedInputField"/>,
/// <see cref="ResolvedEnumValue"/>, <see cref="ResolvedFieldArgument"/>, <see cref="ResolvedDirective"/> and
/// <see cref="ResolvedDirectiveArgument"/>. Returned by <see cref="SchemaCoordinate.Resolve(Types.GraphQLSchema, string)"/>.
/// </summary>
public abstract record ResolvedSchemaElement
{
    private protected ResolvedSchemaElement()
    {
    }
}
