namespace OrleansShop.GrainInterfaces;

/// <summary>Review ids read "{productId}/{number}", so a reply can find the product's reviews grain from the id alone.</summary>
public static class ReviewIds
{
    public const char Separator = '/';

    public static string Create(string productId, int number) => $"{productId}{Separator}{number}";

    public static string? ProductIdOf(string reviewId)
    {
        var separator = reviewId.LastIndexOf(Separator);
        return separator > 0 ? reviewId[..separator] : null;
    }
}
