namespace OrleansShop.Grains;

/// <summary>
/// The port through which a customer keeps the admin customer list current, called after the account was written.
/// Implementations may apply it later (under a second) but must not lose it: they retry until it is stored, and keep
/// the highest <see cref="CustomerListing.Version"/> per customer. A host without read models registers none.
/// </summary>
public interface ICustomerProjection
{
    void Project(CustomerListing listing);
}
