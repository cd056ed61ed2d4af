namespace OrleansShop.Providers.Sqlite.Tests.Grains;

[GenerateSerializer, Alias("tests.tally")]
public sealed class TallyState
{
    [Id(0)]
    public int Total { get; set; }

    [Id(1)]
    public int Ticks { get; set; }
}
