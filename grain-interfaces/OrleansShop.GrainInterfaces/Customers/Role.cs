namespace OrleansShop.GrainInterfaces;

public enum Role
{
    Customer,
    Admin,
}
