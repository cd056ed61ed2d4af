using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.Sql.Tests.Grains;

public sealed class ShoppingListGrain([PersistentState("list")] IPersistentState<ShoppingListState> list) : Grain, IShoppingListGrain
{
    public async Task<int> AddAsync(string item)
    {
        list.State.Items.Add(item);
        await list.WriteStateAsync();
        return list.State.Items.Count;
    }

    public Task<IReadOnlyList<string>> GetAsync() => Task.FromResult<IReadOnlyList<string>>([.. list.State.Items]);
}
