namespace OrleansShop.Runtime.Clustering;

/// <summary>A silo's status in the membership table; the numbers are stored, and match Orleans' SiloStatus.</summary>
public enum SiloStatus
{
    None = 0,
    Created = 1,
    Joining = 2,
    Active = 3,
    ShuttingDown = 4,
    Stopping = 5,
    Dead = 6,
}
