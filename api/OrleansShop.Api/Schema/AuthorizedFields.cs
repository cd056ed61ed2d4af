using HotChocolate.Configuration;
using HotChocolate.Execution.Configuration;
using HotChocolate.Internal;
using HotChocolate.Language;
using HotChocolate.Types.Descriptors.Configurations;
using OrleansShop.Api.Auth;

namespace OrleansShop.Api.Schema;

/// <summary>
/// <c>@authorize</c> on the fields only administrators may read, evaluated against <see cref="ShopPolicies"/>. Fields
/// whose rule is ownership (an order, a cart, a customer's orders) check it in their resolvers; admin mutations answer
/// with UNAUTHENTICATED or FORBIDDEN user errors in their payloads, as the contract's payloads do.
/// </summary>
internal sealed class AuthorizedFields : TypeInterceptor
{
    private static readonly Dictionary<(string Type, string Field), string> Policies = new()
    {
        [("StockLevel", "onHand")] = ShopPolicies.AdministratorData,
        [("StockLevel", "reserved")] = ShopPolicies.AdministratorData,
        [("StockLevel", "sold")] = ShopPolicies.AdministratorData,
        [("StockLevel", "received")] = ShopPolicies.AdministratorData,
        [("StockLevel", "writtenOff")] = ShopPolicies.AdministratorData,
        [("Query", "orders")] = ShopPolicies.Administrator,
        [("Query", "customers")] = ShopPolicies.Administrator,
        [("Query", "orderMails")] = ShopPolicies.Administrator,
    };

    // Type extensions cannot reach the SDL's root types, so the directives are added to the fields' configurations as the
    // types initialise, before HotChocolate's authorization turns them into field middleware.
    public override void OnAfterInitialize(ITypeDiscoveryContext discoveryContext, TypeSystemConfiguration configuration)
    {
        if (configuration is not ObjectTypeConfiguration type)
        {
            return;
        }

        foreach (var field in type.Fields)
        {
            if (Policies.TryGetValue((type.Name, field.Name), out var policy))
            {
                field.AddDirective("authorize", [new ArgumentNode("policy", policy)]);
            }
        }
    }
}
