using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Serialization;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

/// <summary>Grain calls and grain state go through Orleans' serializer: every such type must survive it unchanged.</summary>
public sealed class GrainSerializationTests(ShopClusterFixture cluster) : IClassFixture<ShopClusterFixture>
{
    /// <summary>
    /// <see cref="SavedBasket"/> { Owner = "c1", Items = ["p1", "p2"], Total = 42.50m } serialized as object while it
    /// still carried [Alias("tests.Basket")] (Orleans 10.4.2).
    /// </summary>
    private const string WrittenBeforeTheRename =
        "30016633D21C1974657374732E4261736B6574400563312100054105703140057032E0412100000200000000009A10000000000000E0";

    private Serializer Serializer => cluster.Silo.Services.GetRequiredService<Serializer>();

    public static TheoryData<Type> MessageTypes() => [.. GrainMessageTypes()];

    public static TheoryData<Type> StateTypes() => [.. PersistedStateTypes()];

    [Fact]
    public void The_grain_interfaces_and_grains_are_enumerated()
    {
        Assert.True(GrainMessageTypes().Count() > 20, "the interfaces were not enumerated");
        Assert.Equal(10, PersistedStateTypes().Count());
    }

    [Theory]
    [MemberData(nameof(MessageTypes))]
    [MemberData(nameof(StateTypes))]
    public void A_populated_instance_round_trips_unchanged(Type type)
    {
        var original = SampleValues.Create(type);

        var copy = Serializer.Deserialize<object>(Serializer.SerializeToArray<object>(original!));

        Assert.NotNull(copy);
        Assert.IsType(original!.GetType(), copy, exactMatch: true);
        Assert.Equal(SampleValues.Describe(original), SampleValues.Describe(copy));
    }

    [Fact]
    public void A_result_round_trips_through_the_serializer()
    {
        var level = Result<StockLevel>.Ok(new StockLevel(OnHand: 3, Reserved: 1, Sold: 2, Received: 5, WrittenOff: 0));

        var copy = Serializer.Deserialize<Result<StockLevel>>(Serializer.SerializeToArray(level))!;

        Assert.True(copy.Succeeded);
        Assert.Equal(level.Value, copy.Value);
    }

    [Fact]
    public void A_renamed_state_class_with_the_same_alias_and_ids_reads_what_the_original_wrote()
    {
        // As grain storage writes a state, typed: the bytes hold member ids, no names.
        var typed = Serializer.Deserialize<RenamedBasket>(Serializer.SerializeToArray(new SavedBasket { Owner = "c1", Items = ["p1", "p2"], Total = 42.50m }))!;

        // Untyped, the class is named by its alias, so the renamed class is the one found.
        var untyped = Assert.IsType<RenamedBasket>(Serializer.Deserialize<object>(Convert.FromHexString(WrittenBeforeTheRename)), exactMatch: true);

        Assert.All([typed, untyped], basket =>
        {
            Assert.Equal("c1", basket.CustomerId);
            Assert.Equal(["p1", "p2"], basket.ProductIds);
            Assert.Equal(42.50m, basket.Amount);
        });
        Assert.Equal(WrittenBeforeTheRename, Convert.ToHexString(Serializer.SerializeToArray<object>(untyped)));
    }

    private static IEnumerable<Type> GrainMessageTypes()
    {
        var interfaces = typeof(ICartGrain).Assembly.GetTypes().Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t));
        var found = new HashSet<Type>();
        foreach (var method in interfaces.SelectMany(i => i.GetMethods()))
        {
            foreach (var parameter in method.GetParameters())
            {
                found.Add(parameter.ParameterType);
            }

            var result = method.ReturnType;
            if (result.IsGenericType && (result.GetGenericTypeDefinition() == typeof(Task<>) || result.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            {
                found.Add(result.GetGenericArguments()[0]);
            }
        }

        // Grain references travel as references, cancellation tokens not at all.
        return found.Where(t => t != typeof(CancellationToken) && !typeof(IAddressable).IsAssignableFrom(t)).OrderBy(t => t.ToString(), StringComparer.Ordinal);
    }

    private static IEnumerable<Type> PersistedStateTypes() =>
        typeof(IPaymentGateway).Assembly.GetTypes()
            .Where(t => typeof(IGrain).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()))
            .Where(p => p.GetCustomAttribute<PersistentStateAttribute>() is not null)
            .Select(p => p.ParameterType.GetGenericArguments()[0])
            .Distinct()
            .OrderBy(t => t.ToString(), StringComparer.Ordinal);
}
