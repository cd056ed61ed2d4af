namespace OrleansShop.Grains;

/// <summary>
/// The port through which an order keeps the admin order list current, called after the order's state was written.
/// Implementations may apply it later (under a second) but must not lose it: they retry until it is stored, and keep
/// the highest <see cref="OrderListing.Version"/> per order. A host without read models registers none.
/// </summary>
public interface IOrderProjection
{
    void Project(OrderListing listing);
}
