namespace OrleansShop.ReadModels.Catalog;

/// <summary>A query the caller got wrong (a cursor that is not ours or belongs to another sort, a bad page size...): say so, fix nothing.</summary>
public sealed class CatalogQueryException(string message, string code) : Exception(message)
{
    public string Code { get; } = code;
}
