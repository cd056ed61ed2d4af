namespace OrleansShop.Providers.AdoNet.Tests.Grains;

public interface IReminderProbeGrain : IGrainWithGuidKey
{
    Task Register(string reminderName, TimeSpan period);

    Task Unregister(string reminderName);

    Task<IReadOnlyList<string>> ReminderNames();
}
