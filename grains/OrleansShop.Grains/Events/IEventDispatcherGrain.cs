using Orleans;

namespace OrleansShop.Grains;

/// <summary>
/// A grain that reads one partition of a domain-event stream (implicitly subscribed, keyed by the partition). Its
/// only messages come from the stream provider's pulling agents.
/// </summary>
internal interface IEventDispatcherGrain : IGrainWithStringKey;
