namespace OrleansShop.GrainInterfaces;

public enum PaymentMethod
{
    Card,
    Alipay,
}
