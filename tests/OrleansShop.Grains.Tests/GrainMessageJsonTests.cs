using System.Text.Json;
using OrleansShop.GrainInterfaces;
using OrleansShop.Runtime;

namespace OrleansShop.Grains.Tests;

/// <summary>Grain calls between silos serialize their arguments and results from source-generated metadata.</summary>
public sealed class GrainMessageJsonTests
{
    [Fact]
    public void Every_argument_and_result_of_the_commerce_grain_interfaces_has_generated_metadata()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = CommerceMessageJson.Resolver };
        var types = GrainMessageTypes().ToList();
        var missing = types.Where(t => CommerceMessageJson.Resolver.GetTypeInfo(t, options) is null).Select(t => t.ToString()).ToList();

        Assert.True(types.Count > 20, $"only {types.Count} types found: the interfaces were not enumerated");
        Assert.True(missing.Count == 0, "Add to CommerceMessageJsonContext: " + string.Join(", ", missing));
    }

    [Fact]
    public void A_result_round_trips_through_the_generated_metadata()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = CommerceMessageJson.Resolver };
        var level = Result<StockLevel>.Ok(new StockLevel(OnHand: 3, Reserved: 1, Sold: 2, Received: 5, WrittenOff: 0));

        var copy = JsonSerializer.Deserialize<Result<StockLevel>>(JsonSerializer.Serialize(level, options), options)!;

        Assert.True(copy.Succeeded);
        Assert.Equal(level.Value, copy.Value);
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
        return found.Where(t => t != typeof(CancellationToken) && !typeof(IAddressable).IsAssignableFrom(t));
    }
}
