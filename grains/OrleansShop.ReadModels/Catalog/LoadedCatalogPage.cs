namespace OrleansShop.ReadModels.Catalog;

/// <summary>A page of hits and the nodes loaded for them (see <see cref="CatalogSearch.PageAsync{T}"/>).</summary>
public sealed record LoadedCatalogPage<T>(CatalogPage Page, T Nodes);
