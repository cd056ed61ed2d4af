using Microsoft.Extensions.DependencyInjection;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Serialization;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Tests.Grains;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests;

public sealed class GrainFactoryTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_or_whitespace_string_key_is_refused(string key)
    {
        await using var silo = await TestSilo.StartAsync();

        Assert.Throws<ArgumentException>(() => silo.GrainFactory.GetGrain<ICounterGrain>(key));
    }

    [Fact]
    public async Task Oversized_string_key_is_refused_naming_the_limit()
    {
        await using var silo = await TestSilo.StartAsync(s => s.Configure<SiloOptions>(o => o.MaxKeyLength = 16));

        var error = Assert.Throws<ArgumentException>(() => silo.GrainFactory.GetGrain<ICounterGrain>(new string('k', 17)));
        Assert.Contains("16", error.Message, StringComparison.Ordinal);
        Assert.NotNull(silo.GrainFactory.GetGrain<ICounterGrain>(new string('k', 16)));
    }

    [Fact]
    public async Task Key_of_the_wrong_kind_is_refused()
    {
        await using var silo = await TestSilo.StartAsync();
        var factory = silo.GrainFactory;

        Assert.Throws<ArgumentException>(() => factory.GetGrain(typeof(ICounterGrain), Guid.NewGuid()));
        Assert.Throws<ArgumentException>(() => factory.GetGrain(typeof(IFaultGrain), "text"));
        Assert.Throws<ArgumentException>(() => factory.GetGrain(typeof(string), "text"));
    }

    [Fact]
    public async Task Interface_with_several_implementations_needs_a_class_name_prefix()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => silo.GrainFactory.GetGrain<IShapeGrain>("s"));
        Assert.Contains("CircleShapeGrain", error.Message, StringComparison.Ordinal);
        Assert.Equal("circle", await silo.GrainFactory.GetGrain<IShapeGrain>("s", "OrleansShop.Runtime.Tests.Grains.Circle").NameAsync());
        Assert.Equal("square", await silo.GrainFactory.GetGrain<IShapeGrain>("s", "OrleansShop.Runtime.Tests.Grains.Square").NameAsync());
    }

    [Fact]
    public async Task Keys_read_back_from_references_and_grain_types_follow_class_names()
    {
        await using var silo = await TestSilo.StartAsync();
        var guid = Guid.NewGuid();

        Assert.Equal("cart-7", silo.GrainFactory.GetGrain<ICounterGrain>("cart-7").GetPrimaryKeyString());
        Assert.Equal(guid, silo.GrainFactory.GetGrain<IContextGrain>(guid).GetPrimaryKey());
        Assert.Equal(-42L, silo.GrainFactory.GetGrain<IFaultGrain>(-42).GetPrimaryKeyLong());
        Assert.Equal(new GrainId("counter", "cart-7"), silo.GrainFactory.GetGrain<ICounterGrain>("cart-7").GetGrainId());
        Assert.Equal(new GrainId("squareshape", "s"), silo.GrainFactory.GetGrain<IShapeGrain>("s", "OrleansShop.Runtime.Tests.Grains.Square").GetGrainId());
    }

    [Fact]
    public async Task Reference_round_trips_through_json_and_stays_callable()
    {
        await using var silo = await TestSilo.StartAsync();
        var serializer = silo.Services.GetRequiredService<GrainJsonSerializer>();
        var original = silo.GrainFactory.GetGrain<IFaultGrain>(5);

        var json = serializer.SerializeToUtf8Bytes(original);
        var copy = serializer.Deserialize<IFaultGrain>(json)!;
        var asAddressable = serializer.Deserialize<IAddressable>(serializer.SerializeToUtf8Bytes<IAddressable>(original))!;

        Assert.Equal("\"fault/5\"", System.Text.Encoding.UTF8.GetString(json));
        Assert.Equal("echo", await copy.EchoAsync("echo"));
        Assert.Equal(original.GetGrainId(), asAddressable.GetGrainId());
        Assert.IsAssignableFrom<IFaultGrain>(asAddressable);
    }
}
