namespace OrleansShop.GraphQL.LoadServer.Operations;

/// <summary>The benchmark operations, read from the .graphql files embedded beside this class (bench/js reads the same files).</summary>
public static class CatalogOperations
{
    /// <summary>20 products, each with six scalar fields and its category.</summary>
    public static string ProductList { get; } = Read("product-list.graphql");

    /// <summary>A category and its parents, twelve objects deep.</summary>
    public static string CategoryChain { get; } = Read("category-chain.graphql");

    /// <summary>graphql-js <c>getIntrospectionQuery</c> with every option on, as IDEs send it.</summary>
    public static string Introspection { get; } = Read("introspection.graphql");

    public static string TypeName { get; } = Read("typename.graphql");

    /// <summary>The schema in SDL, as graphql-js builds it.</summary>
    public static string SchemaSdl { get; } = Read("catalog.graphql");

    private static string Read(string fileName)
    {
        using var stream = typeof(CatalogOperations).Assembly.GetManifestResourceStream("Operations/" + fileName)
            ?? throw new InvalidOperationException($"The operation \"{fileName}\" is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
