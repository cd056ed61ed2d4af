namespace OrleansShop.Grains;

internal sealed class UniqueIndexState
{
    public string? OwnerId { get; set; }
}
