using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public sealed class LinkGrain : Grain, ILinkGrain
{
    private readonly IPersistentState<LinkState> link;

    public LinkGrain([PersistentState("link", "Other")] IPersistentState<LinkState> link) => this.link = link;

    public Task LinkAsync(ICounterGrain target)
    {
        link.State.Target = target;
        return link.WriteStateAsync();
    }

    public Task<int> IncrementTargetAsync() =>
        link.State.Target?.IncrementAsync() ?? throw new InvalidOperationException("Not linked.");

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
