using OrleansShop.Runtime.Sql.Tests.Support;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.Sql.Tests;

/// <summary>
/// What every dialect's grain storage must do (reference/orleans.md's persistence rules). Each test instance gets
/// its own database (or service id), so providers created in one test see only that test's rows.
/// </summary>
public abstract class GrainStorageContract : IAsyncDisposable
{
    private readonly List<SqlGrainStorage> _providers = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A provider over this test's database; a second call gives an independent instance over the same rows.</summary>
    protected abstract SqlGrainStorage NewProvider(Action<SqlStorageOptions>? configure = null);

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await DisposeDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeDatabaseAsync() => ValueTask.CompletedTask;

    protected SqlGrainStorage Track(SqlGrainStorage provider)
    {
        _providers.Add(provider);
        return provider;
    }

    protected static void UseTestContext(SqlStorageOptions options) =>
        options.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, TestJsonContext.Default);

    private static readonly GrainId s_cart = new("CartGrain", "alice@example.com");

    [Fact]
    public async Task Write_then_read_round_trips_state_etag_and_record_exists()
    {
        var storage = NewProvider(UseTestContext);
        var written = new GrainState<CartState>(new CartState("alice", 3));

        await storage.WriteStateAsync("cart", s_cart, written, Ct);
        var read = new GrainState<CartState>(new CartState("", 0));
        await storage.ReadStateAsync("cart", s_cart, read, Ct);

        Assert.Equal(new CartState("alice", 3), read.State);
        Assert.Equal("1", written.ETag);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(written.RecordExists);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Each_write_bumps_the_etag()
    {
        var storage = NewProvider(UseTestContext);
        var state = new GrainState<CartState>(new CartState("alice", 1));

        await storage.WriteStateAsync("cart", s_cart, state, Ct);
        state.State = state.State with { Items = 2 };
        await storage.WriteStateAsync("cart", s_cart, state, Ct);
        state.State = state.State with { Items = 3 };
        await storage.WriteStateAsync("cart", s_cart, state, Ct);

        var read = new GrainState<CartState>(null!);
        await storage.ReadStateAsync("cart", s_cart, read, Ct);
        Assert.Equal("3", state.ETag);
        Assert.Equal("3", read.ETag);
        Assert.Equal(3, read.State.Items);
    }

    [Fact]
    public async Task Read_of_missing_row_leaves_the_given_state_with_no_etag_and_no_record()
    {
        var storage = NewProvider(UseTestContext);
        var initial = new CartState("default", 0);
        var state = new GrainState<CartState>(initial) { ETag = "stale", RecordExists = true };

        await storage.ReadStateAsync("cart", new GrainId("CartGrain", "nobody"), state, Ct);

        Assert.Same(initial, state.State);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Write_with_stale_etag_throws_and_writes_nothing()
    {
        var storage = NewProvider(UseTestContext);
        var first = new GrainState<CartState>(new CartState("alice", 1));
        await storage.WriteStateAsync("cart", s_cart, first, Ct);
        var stale = new GrainState<CartState>(new CartState("alice", 1)) { ETag = first.ETag };
        first.State = new CartState("alice", 2);
        await storage.WriteStateAsync("cart", s_cart, first, Ct);

        stale.State = new CartState("mallory", 99);
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("cart", s_cart, stale, Ct));

        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("1", conflict.CurrentEtag);
        Assert.Equal("1", stale.ETag);
        var read = new GrainState<CartState>(null!);
        await storage.ReadStateAsync("cart", s_cart, read, Ct);
        Assert.Equal(new CartState("alice", 2), read.State);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task Write_without_etag_over_an_existing_row_throws_and_writes_nothing()
    {
        var storage = NewProvider(UseTestContext);
        await storage.WriteStateAsync("cart", s_cart, new GrainState<CartState>(new CartState("alice", 1)), Ct);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync("cart", s_cart, new GrainState<CartState>(new CartState("mallory", 9)), Ct));

        Assert.Equal("1", conflict.StoredEtag);
        Assert.Null(conflict.CurrentEtag);
        var read = new GrainState<CartState>(null!);
        await storage.ReadStateAsync("cart", s_cart, read, Ct);
        Assert.Equal("alice", read.State.Owner);
    }

    [Fact]
    public async Task Write_with_an_etag_for_a_missing_row_throws()
    {
        var storage = NewProvider(UseTestContext);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync("cart", s_cart, new GrainState<CartState>(new CartState("a", 1)) { ETag = "4" }, Ct));

        var read = new GrainState<CartState>(null!);
        await storage.ReadStateAsync("cart", s_cart, read, Ct);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Write_with_an_etag_the_provider_never_issued_throws_inconsistent_state()
    {
        var storage = NewProvider(UseTestContext);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync("cart", s_cart, new GrainState<CartState>(new CartState("a", 1)) { ETag = "W/\"abc\"" }, Ct));
    }

    [Fact]
    public async Task Concurrent_inserts_without_etag_let_exactly_one_writer_win()
    {
        var providers = new[] { NewProvider(UseTestContext), NewProvider(UseTestContext) };
        var grain = new GrainId("CartGrain", "race");
        var attempts = Enumerable.Range(0, 16)
            .Select(i => (Index: i, State: new GrainState<CartState>(new CartState("writer" + i, i))))
            .ToArray();

        var outcomes = await Task.WhenAll(attempts.Select(async attempt =>
        {
            await Task.Yield();
            try
            {
                await providers[attempt.Index % 2].WriteStateAsync("cart", grain, attempt.State, Ct);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Single(outcomes, won => won);
        var winner = attempts[Array.IndexOf(outcomes, true)];
        var read = new GrainState<CartState>(null!);
        await providers[0].ReadStateAsync("cart", grain, read, Ct);
        Assert.Equal(winner.State.State, read.State);
        Assert.Equal("1", read.ETag);
    }

    [Fact]
    public async Task Two_activations_of_one_grain_lose_no_update_the_stale_one_fails()
    {
        var storage = NewProvider(UseTestContext);
        await storage.WriteStateAsync("cart", s_cart, new GrainState<CartState>(new CartState("alice", 1)), Ct);
        var activationA = new GrainState<CartState>(null!);
        var activationB = new GrainState<CartState>(null!);
        await storage.ReadStateAsync("cart", s_cart, activationA, Ct);
        await storage.ReadStateAsync("cart", s_cart, activationB, Ct);

        activationA.State = activationA.State with { Items = 2 };
        await storage.WriteStateAsync("cart", s_cart, activationA, Ct);
        activationB.State = activationB.State with { Items = 5 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("cart", s_cart, activationB, Ct));

        await storage.ReadStateAsync("cart", s_cart, activationB, Ct);
        Assert.Equal(2, activationB.State.Items);
        Assert.Equal(activationA.ETag, activationB.ETag);
    }

    [Fact]
    public async Task Clear_leaves_no_record_and_keeps_the_version_rising()
    {
        var storage = NewProvider(UseTestContext);
        var state = new GrainState<CartState>(new CartState("alice", 1));
        await storage.WriteStateAsync("cart", s_cart, state, Ct);
        var heldBeforeClear = state.ETag;

        await storage.ClearStateAsync("cart", s_cart, state, Ct);

        Assert.False(state.RecordExists);
        Assert.Equal("2", state.ETag);
        var read = new GrainState<CartState>(new CartState("default", 0));
        await storage.ReadStateAsync("cart", s_cart, read, Ct);
        Assert.False(read.RecordExists);
        Assert.Equal("default", read.State.Owner);
        Assert.Equal("2", read.ETag);

        // An activation still holding the pre-clear ETag cannot resurrect the state.
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync("cart", s_cart, new GrainState<CartState>(new CartState("zombie", 7)) { ETag = heldBeforeClear }, Ct));

        read.State = new CartState("alice", 4);
        await storage.WriteStateAsync("cart", s_cart, read, Ct);
        Assert.Equal("3", read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Clear_with_stale_etag_throws_and_keeps_the_state()
    {
        var storage = NewProvider(UseTestContext);
        var state = new GrainState<CartState>(new CartState("alice", 1));
        await storage.WriteStateAsync("cart", s_cart, state, Ct);
        var stale = new GrainState<CartState>(state.State) { ETag = state.ETag };
        await storage.WriteStateAsync("cart", s_cart, state, Ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("cart", s_cart, stale, Ct));

        var read = new GrainState<CartState>(null!);
        await storage.ReadStateAsync("cart", s_cart, read, Ct);
        Assert.True(read.RecordExists);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task Clear_without_etag_is_a_no_op_for_a_missing_row_and_a_conflict_for_an_existing_one()
    {
        var storage = NewProvider(UseTestContext);
        var missing = new GrainState<CartState>(new CartState("a", 1));
        await storage.ClearStateAsync("cart", new GrainId("CartGrain", "nobody"), missing, Ct);
        Assert.Null(missing.ETag);
        Assert.False(missing.RecordExists);

        await storage.WriteStateAsync("cart", s_cart, new GrainState<CartState>(new CartState("alice", 1)), Ct);
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync("cart", s_cart, new GrainState<CartState>(new CartState("alice", 1)), Ct));
    }

    [Fact]
    public async Task Clear_with_delete_option_removes_the_row_so_the_next_write_inserts()
    {
        var storage = NewProvider(options =>
        {
            UseTestContext(options);
            options.DeleteStateOnClear = true;
        });
        var state = new GrainState<CartState>(new CartState("alice", 1));
        await storage.WriteStateAsync("cart", s_cart, state, Ct);

        await storage.ClearStateAsync("cart", s_cart, state, Ct);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        var read = new GrainState<CartState>(null!);
        await storage.ReadStateAsync("cart", s_cart, read, Ct);
        Assert.Null(read.ETag);
        state.State = new CartState("alice", 2);
        await storage.WriteStateAsync("cart", s_cart, state, Ct);
        Assert.Equal("1", state.ETag);
    }

    [Fact]
    public async Task State_written_is_read_back_by_a_new_provider_instance_after_a_restart()
    {
        var before = NewProvider(UseTestContext);
        var state = new GrainState<CartState>(new CartState("alice", 3));
        await before.WriteStateAsync("cart", s_cart, state, Ct);
        await before.DisposeAsync();

        var after = NewProvider(UseTestContext);
        var read = new GrainState<CartState>(null!);
        await after.ReadStateAsync("cart", s_cart, read, Ct);

        Assert.Equal(new CartState("alice", 3), read.State);
        Assert.Equal(state.ETag, read.ETag);
        read.State = read.State with { Items = 4 };
        await after.WriteStateAsync("cart", s_cart, read, Ct);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task A_row_written_before_a_property_was_added_still_reads_with_the_new_property_defaulted()
    {
        var storage = NewProvider(UseTestContext);
        await storage.WriteStateAsync("cart", s_cart, new GrainState<CartState>(new CartState("alice", 3)), Ct);

        var read = new GrainState<CartStateWithCoupon>(null!);
        await storage.ReadStateAsync("cart", s_cart, read, Ct);

        Assert.Equal("alice", read.State.Owner);
        Assert.Equal(3, read.State.Items);
        Assert.Null(read.State.Coupon);
        Assert.Null(read.State.Tags);

        // ...and the old code keeps reading rows the new code wrote (unknown properties are skipped).
        read.State = read.State with { Coupon = "SPRING", Tags = ["gift"] };
        await storage.WriteStateAsync("cart", s_cart, read, Ct);
        var old = new GrainState<CartState>(null!);
        await storage.ReadStateAsync("cart", s_cart, old, Ct);
        Assert.Equal(new CartState("alice", 3), old.State);
    }

    [Fact]
    public async Task Oversized_payload_is_refused_before_anything_is_written()
    {
        var storage = NewProvider(options =>
        {
            UseTestContext(options);
            options.MaxPayloadBytes = 1024;
        });
        var state = new GrainState<CartState>(new CartState("alice", 1));
        await storage.WriteStateAsync("cart", s_cart, state, Ct);

        state.State = new CartState(new string('é', 600), 2); // 1200 UTF-8 bytes
        var refused = await Assert.ThrowsAsync<GrainStateTooLargeException>(() => storage.WriteStateAsync("cart", s_cart, state, Ct));
        var refusedInsert = await Assert.ThrowsAsync<GrainStateTooLargeException>(
            () => storage.WriteStateAsync("cart", new GrainId("CartGrain", "new"), new GrainState<CartState>(state.State), Ct));

        Assert.Equal(1024, refused.MaxPayloadBytes);
        Assert.True(refused.PayloadBytes > 1200);
        Assert.Contains("alice@example.com", refused.Message, StringComparison.Ordinal);
        Assert.Equal("1", state.ETag);
        var read = new GrainState<CartState>(null!);
        await storage.ReadStateAsync("cart", s_cart, read, Ct);
        Assert.Equal(new CartState("alice", 1), read.State);
        var missing = new GrainState<CartState>(null!);
        await storage.ReadStateAsync("cart", new GrainId("CartGrain", "new"), missing, Ct);
        Assert.False(missing.RecordExists);
        Assert.NotNull(refusedInsert);
    }

    [Fact]
    public async Task Rows_are_keyed_by_grain_type_grain_key_and_state_name()
    {
        var storage = NewProvider(UseTestContext);
        await storage.WriteStateAsync("cart", new GrainId("CartGrain", "k"), new GrainState<CartState>(new CartState("cart-cart", 1)), Ct);
        await storage.WriteStateAsync("wishlist", new GrainId("CartGrain", "k"), new GrainState<CartState>(new CartState("cart-wishlist", 2)), Ct);
        await storage.WriteStateAsync("cart", new GrainId("OrderGrain", "k"), new GrainState<CartState>(new CartState("order-cart", 3)), Ct);
        await storage.WriteStateAsync("cart", new GrainId("CartGrain", "K"), new GrainState<CartState>(new CartState("cart-cart-upper", 4)), Ct);

        async Task<string> OwnerOf(string stateName, GrainId grainId)
        {
            var read = new GrainState<CartState>(null!);
            await storage.ReadStateAsync(stateName, grainId, read, Ct);
            return read.State.Owner;
        }

        Assert.Equal("cart-cart", await OwnerOf("cart", new GrainId("CartGrain", "k")));
        Assert.Equal("cart-wishlist", await OwnerOf("wishlist", new GrainId("CartGrain", "k")));
        Assert.Equal("order-cart", await OwnerOf("cart", new GrainId("OrderGrain", "k")));
        Assert.Equal("cart-cart-upper", await OwnerOf("cart", new GrainId("CartGrain", "K")));
    }

    [Fact]
    public async Task Providers_with_different_service_ids_do_not_see_each_others_rows()
    {
        var blue = NewProvider(options =>
        {
            UseTestContext(options);
            options.ServiceId += "-blue";
        });
        var green = NewProvider(options =>
        {
            UseTestContext(options);
            options.ServiceId += "-green";
        });
        await blue.WriteStateAsync("cart", s_cart, new GrainState<CartState>(new CartState("blue", 1)), Ct);

        var read = new GrainState<CartState>(new CartState("none", 0));
        await green.ReadStateAsync("cart", s_cart, read, Ct);

        Assert.False(read.RecordExists);
        await green.WriteStateAsync("cart", s_cart, new GrainState<CartState>(new CartState("green", 1)), Ct);
    }

    [Fact]
    public async Task Keys_with_quotes_and_unicode_are_stored_as_values_not_sql()
    {
        var storage = NewProvider(UseTestContext);
        var grain = new GrainId("CartGrain", "o'brien'; DROP TABLE OrleansShopGrainState; -- ñ 🛒");

        await storage.WriteStateAsync("cart", grain, new GrainState<CartState>(new CartState("o'brien \"q\"", 1)), Ct);

        var read = new GrainState<CartState>(null!);
        await storage.ReadStateAsync("cart", grain, read, Ct);
        Assert.Equal("o'brien \"q\"", read.State.Owner);
    }

    [Fact]
    public async Task A_type_unknown_to_every_json_context_is_refused_when_reflection_fallback_is_off()
    {
        var storage = NewProvider(options =>
        {
            UseTestContext(options);
            options.AllowReflectionFallback = false;
        });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => storage.WriteStateAsync("x", s_cart, new GrainState<UnregisteredState>(new UnregisteredState { Value = 1 }), Ct));
        Assert.Contains(nameof(UnregisteredState), refused.Message, StringComparison.Ordinal);

        // Types the context knows still work without reflection.
        await storage.WriteStateAsync("cart", s_cart, new GrainState<CartState>(new CartState("alice", 1)), Ct);
    }

    [Fact]
    public async Task A_type_unknown_to_every_json_context_falls_back_to_reflection_by_default()
    {
        var storage = NewProvider(UseTestContext);
        await storage.WriteStateAsync("x", s_cart, new GrainState<UnregisteredState>(new UnregisteredState { Value = 42 }), Ct);

        var read = new GrainState<UnregisteredState>(new UnregisteredState());
        await storage.ReadStateAsync("x", s_cart, read, Ct);

        Assert.Equal(42, read.State.Value);
    }

    [Fact]
    public async Task Many_concurrent_writers_each_see_every_one_of_their_writes_committed()
    {
        var storage = NewProvider(UseTestContext);
        const int Grains = 100;
        const int WritesPerGrain = 5;

        await Task.WhenAll(Enumerable.Range(0, Grains).Select(async i =>
        {
            var state = new GrainState<CartState>(new CartState("owner" + i, 0));
            for (var n = 1; n <= WritesPerGrain; n++)
            {
                state.State = state.State with { Items = n };
                await storage.WriteStateAsync("cart", new GrainId("CartGrain", "g" + i), state, Ct);
            }
        }));

        var reader = NewProvider(UseTestContext);
        for (var i = 0; i < Grains; i++)
        {
            var read = new GrainState<CartState>(null!);
            await reader.ReadStateAsync("cart", new GrainId("CartGrain", "g" + i), read, Ct);
            Assert.Equal(WritesPerGrain, read.State.Items);
            Assert.Equal("5", read.ETag);
        }
    }

    [Fact]
    public async Task Grain_ids_and_state_names_beyond_the_stored_column_sizes_are_rejected()
    {
        var storage = NewProvider(UseTestContext);

        await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteStateAsync(
            "cart", new GrainId("CartGrain", new string('k', 513)), new GrainState<CartState>(new CartState("a", 1)), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.ReadStateAsync(
            new string('s', 65), s_cart, new GrainState<CartState>(new CartState("a", 1)), Ct));
    }
}
