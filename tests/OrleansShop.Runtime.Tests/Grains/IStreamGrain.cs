namespace OrleansShop.Runtime.Tests.Grains;

/// <summary>Subscribes to and publishes on the "numbers" streams of the test silo's memory stream provider.</summary>
public interface IStreamGrain : IGrainWithStringKey
{
    Task SubscribeAsync(string streamKey);

    Task UnsubscribeAsync(string streamKey);

    /// <summary>Holds the activation (one long call) until the probe's "release" signal.</summary>
    Task HoldAsync();

    Task PublishAsync(string streamKey, int first, int count);

    Task<IReadOnlyList<int>> GetReceivedAsync();

    Task DeactivateAsync();
}
