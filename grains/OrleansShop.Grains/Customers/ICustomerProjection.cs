namespace OrleansShop.Grains;

/// <summary>
/// The port through which a customer keeps the admin customer list current, called after the account was written; the
/// same contract as <see cref="IOrderProjection"/>: applied later perhaps, never lost, newest version wins.
/// </summary>
public interface ICustomerProjection
{
    void Project(CustomerListing listing);
}
