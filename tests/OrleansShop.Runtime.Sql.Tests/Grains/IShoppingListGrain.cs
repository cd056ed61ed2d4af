namespace OrleansShop.Runtime.Sql.Tests.Grains;

public interface IShoppingListGrain : IGrainWithStringKey
{
    Task<int> AddAsync(string item);

    Task<IReadOnlyList<string>> GetAsync();
}
