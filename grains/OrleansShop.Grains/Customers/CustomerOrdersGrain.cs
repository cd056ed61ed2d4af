using Orleans;
using Orleans.Core;
using Orleans.Runtime;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

[GrainType("customer-orders")]
internal sealed class CustomerOrdersGrain(
    [PersistentState("orders")] IPersistentState<CustomerOrdersState> orders) : Grain, ICustomerOrdersGrain
{
    public async Task RecordAsync(OrderSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var list = orders.State.Orders;
        var index = list.FindIndex(o => o.OrderId == summary.OrderId);
        if (index >= 0 && list[index] == summary)
        {
            return;
        }

        if (index >= 0)
        {
            list[index] = summary;
        }
        else
        {
            var position = list.FindIndex(o => o.PlacedAt < summary.PlacedAt);
            list.Insert(position < 0 ? list.Count : position, summary);
        }

        await orders.SaveAsync();
    }

    public Task<IReadOnlyList<OrderSummary>> GetAsync() => Task.FromResult<IReadOnlyList<OrderSummary>>([.. orders.State.Orders]);

    public Task<bool> HasPurchasedAsync(string productId) =>
        Task.FromResult(orders.State.Orders.Exists(o =>
            o.Status is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Delivered && o.ProductIds.Contains(productId)));
}
