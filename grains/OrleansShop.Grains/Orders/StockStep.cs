using Orleans;

namespace OrleansShop.Grains;

/// <summary>A stock change that an open order has decided on and must carry out for every line, even after a crash.</summary>
[GenerateSerializer, Alias("shop.StockStep")]
internal enum StockStep
{
    None,
    Release,
    Confirm,
    Return,
}
