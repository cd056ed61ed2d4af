using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Alias("shop.Role")]
public enum Role
{
    Customer,
    Admin,
}
