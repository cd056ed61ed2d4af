namespace OrleansShop.Providers.Sqlite.Tests.Support;

[GenerateSerializer, Alias("tests.counter")]
public sealed class CounterState
{
    [Id(0)]
    public int Count { get; set; }

    [Id(1)]
    public string Note { get; set; } = "";
}

[GenerateSerializer, Alias("tests.blob")]
public sealed class BlobState
{
    [Id(0)]
    public byte[] Bytes { get; set; } = [];
}
