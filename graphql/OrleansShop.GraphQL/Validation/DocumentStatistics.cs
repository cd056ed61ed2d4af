namespace OrleansShop.GraphQL.Validation;

/// <summary>
/// Measures of a document taken in one cheap pass before the rules: <see cref="MaxDepth"/> and <see cref="MaxRootFields"/>
/// are the largest over its operations (fragments expanded); the counts are of the document as written.
/// </summary>
public readonly record struct DocumentStatistics(int FieldSelections, int Aliases, int MaxDepth, int MaxRootFields);
