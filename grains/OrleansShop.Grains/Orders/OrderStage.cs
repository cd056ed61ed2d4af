using Orleans;

namespace OrleansShop.Grains;

/// <summary>How far the checkout saga got. Only an Open order exists for the outside world.</summary>
[GenerateSerializer, Alias("shop.OrderStage")]
internal enum OrderStage
{
    /// <summary>No checkout reached this order id.</summary>
    None,

    /// <summary>Lines are being reserved one by one.</summary>
    Reserving,

    /// <summary>A line could not be reserved: what was reserved is being released.</summary>
    Rejecting,

    /// <summary>The checkout failed; its errors are kept so that a retry gets the same answer.</summary>
    Rejected,

    /// <summary>Placed: the order has a status.</summary>
    Open,
}
