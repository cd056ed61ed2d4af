namespace OrleansShop.GraphQL.Tests.Executor;

public sealed class SmokeTests
{
    [Fact]
    public async Task Query_returns_nested_data()
    {
        var json = await ShopSchema.RunAsync(ShopSchema.Create(), "{ products { id name status tags priceWithTax } hello }");
        Assert.Equal("""{"data":{"products":[{"id":"p1","name":"Kettle","status":"IN_STOCK","tags":["kitchen"],"priceWithTax":"23.988"},{"id":"p2","name":"Mug","status":"SOLD_OUT","tags":[],"priceWithTax":"5.400"},{"id":"p3","name":"Teapot","status":"IN_STOCK","tags":["kitchen","tea"],"priceWithTax":"42.0"}],"hello":"hello world"}}""", json);
    }
}
