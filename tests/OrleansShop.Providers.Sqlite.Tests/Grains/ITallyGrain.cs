namespace OrleansShop.Providers.Sqlite.Tests.Grains;

/// <summary>A grain that counts calls and reminder ticks in its persistent state.</summary>
public interface ITallyGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    Task<TallyState> Get();

    Task StartTicking(TimeSpan period);

    Task<bool> HasReminder();
}
