namespace OrleansShop.Grains.Tests.Serialization;

/// <summary><see cref="SavedBasket"/> renamed, its members too: only the alias and the ids stay.</summary>
[GenerateSerializer, Alias("tests.Basket")]
internal sealed class RenamedBasket
{
    [Id(0)]
    public string CustomerId { get; set; } = string.Empty;

    [Id(1)]
    public List<string> ProductIds { get; set; } = [];

    [Id(2)]
    public decimal Amount { get; set; }
}
