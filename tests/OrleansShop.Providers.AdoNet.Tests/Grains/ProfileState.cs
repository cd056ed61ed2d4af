namespace OrleansShop.Providers.AdoNet.Tests.Grains;

/// <summary>The state a profile grain keeps through the ADO.NET grain storage (Orleans binary serializer).</summary>
[GenerateSerializer]
public sealed class ProfileState
{
    [Id(0)]
    public string? Name { get; set; }
}
