using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Alias("shop.PaymentMethod")]
public enum PaymentMethod
{
    Card,
    Alipay,
}
