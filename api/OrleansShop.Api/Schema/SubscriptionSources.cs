using HotChocolate.Configuration;
using HotChocolate.Execution;
using HotChocolate.Types.Descriptors.Configurations;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Gives the contract's Subscription fields their event sources. SDL-first resolvers bind only the resolve step, so the
/// subscribe step is set on the field's configuration before the type completes; each event is then the field's value.
/// </summary>
internal sealed class SubscriptionSources(IReadOnlyDictionary<string, SubscribeResolverDelegate> sources) : TypeInterceptor
{
    public override void OnBeforeCompleteType(ITypeCompletionContext completionContext, TypeSystemConfiguration configuration)
    {
        if (configuration is not ObjectTypeConfiguration { Name: "Subscription" } subscription)
        {
            return;
        }

        foreach (var field in subscription.Fields)
        {
            if (sources.TryGetValue(field.Name, out var subscribe))
            {
                field.SubscribeResolver = subscribe;
                field.Resolver = static context => ValueTask.FromResult<object?>(context.GetEventMessage<object>());
            }
        }
    }
}
