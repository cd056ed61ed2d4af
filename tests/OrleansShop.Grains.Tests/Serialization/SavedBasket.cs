namespace OrleansShop.Grains.Tests.Serialization;

/// <summary>
/// A state class as first written. It carried <c>[Alias("tests.Basket")]</c> until it was renamed to
/// <see cref="RenamedBasket"/>, which carries the alias now: Orleans refuses one alias on two classes (ORLEANS0011), so
/// what this class wrote with the alias is kept as bytes in the test.
/// </summary>
[GenerateSerializer]
internal sealed class SavedBasket
{
    [Id(0)]
    public string Owner { get; set; } = string.Empty;

    [Id(1)]
    public List<string> Items { get; set; } = [];

    [Id(2)]
    public decimal Total { get; set; }
}
