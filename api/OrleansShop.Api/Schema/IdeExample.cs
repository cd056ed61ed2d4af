namespace OrleansShop.Api.Schema;

/// <summary>
/// The document Nitro (the IDE at /graphql) opens with instead of its welcome page: a product search and the cart
/// mutations with default variables, so a first visitor can run the shop's API at once. Kept in ide-example.graphql,
/// embedded in the assembly and read once at start-up.
/// </summary>
internal static class IdeExample
{
    public const string ResourceName = "ide-example.graphql";

    public static string Document { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(IdeExample).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly carries no {ResourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
