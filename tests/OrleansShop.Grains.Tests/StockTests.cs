using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

/// <summary>One cluster for the class: each test uses products and orders of its own.</summary>
public sealed class StockTests(ShopClusterFixture cluster) : IClassFixture<ShopClusterFixture>
{
    [Fact]
    public async Task Two_hundred_concurrent_reservations_of_one_against_fifty_in_stock_exactly_fifty_succeed()
    {
        var silo = cluster.Silo;
        var stock = silo.Stock("p-concurrent");
        await stock.AdjustAsync(50, "delivery");

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => stock.ReserveAsync($"order-{i}", 1)));

        Assert.Equal(50, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCode.OutOfStock, r.Error!.Code));
        var level = await stock.GetLevelAsync();
        Assert.Equal(0, level.Available);
        Assert.Equal(50, level.Reserved);
        Invariants.AssertLedger(level);
    }

    [Fact]
    public async Task Reserve_retry_for_the_same_order_returns_the_first_outcome_and_reserves_once()
    {
        var silo = cluster.Silo;
        var stock = silo.Stock("p-retry");
        await stock.AdjustAsync(10, "delivery");

        var retries = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => stock.ReserveAsync("order-1", 3)));

        Assert.All(retries, r => Assert.Equal(new StockReservation("order-1", 3, ReservationStatus.Reserved), r.Value));
        Assert.Equal(7, (await stock.GetLevelAsync()).Available);
    }

    [Fact]
    public async Task Reserve_beyond_available_fails_and_changes_nothing()
    {
        var silo = cluster.Silo;
        var stock = silo.Stock("p-short");
        await stock.AdjustAsync(5, "delivery");
        await stock.ReserveAsync("order-1", 3);
        var before = await stock.GetLevelAsync();

        var result = await stock.ReserveAsync("order-2", 3);

        Assert.False(result.Succeeded);
        Assert.Equal(ErrorCode.OutOfStock, result.Error!.Code);
        Assert.Equal(["input", "quantity"], result.Error.Field);
        Assert.Equal(before, await stock.GetLevelAsync());
        Assert.Null(await stock.GetReservationAsync("order-2"));
    }

    [Fact]
    public async Task Reserve_with_a_different_quantity_for_the_same_order_is_a_conflict()
    {
        var silo = cluster.Silo;
        var stock = silo.Stock("p-conflict");
        await stock.AdjustAsync(10, "delivery");
        await stock.ReserveAsync("order-1", 2);

        var result = await stock.ReserveAsync("order-1", 5);

        Assert.Equal(ErrorCode.Conflict, result.Error!.Code);
        Assert.Equal(2, (await stock.GetLevelAsync()).Reserved);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Reserve_of_no_or_negative_quantity_is_invalid_input(int quantity)
    {
        var silo = cluster.Silo;
        var stock = silo.Stock($"p-invalid{quantity}");
        await stock.AdjustAsync(10, "delivery");

        var result = await stock.ReserveAsync("order-1", quantity);

        Assert.Equal(ErrorCode.InvalidInput, result.Error!.Code);
        Assert.Equal(10, (await stock.GetLevelAsync()).Available);
    }

    [Fact]
    public async Task Release_is_idempotent_and_a_released_order_can_never_reserve_again()
    {
        var silo = cluster.Silo;
        var stock = silo.Stock("p-release");
        await stock.AdjustAsync(10, "delivery");
        await stock.ReserveAsync("order-1", 4);

        var first = await stock.ReleaseAsync("order-1");
        var second = await stock.ReleaseAsync("order-1");
        var late = await stock.ReserveAsync("order-1", 4);

        Assert.Equal(ReservationStatus.Released, first.Value!.Status);
        Assert.Equal(first.Value, second.Value);
        Assert.Equal(ErrorCode.InvalidState, late.Error!.Code);
        Assert.Equal(10, (await stock.GetLevelAsync()).Available);
    }

    [Fact]
    public async Task Release_of_an_order_that_never_reserved_blocks_its_late_reservation()
    {
        var silo = cluster.Silo;
        var stock = silo.Stock("p-tombstone");
        await stock.AdjustAsync(10, "delivery");

        Assert.True((await stock.ReleaseAsync("order-1")).Succeeded);
        var late = await stock.ReserveAsync("order-1", 1);

        Assert.Equal(ErrorCode.InvalidState, late.Error!.Code);
        Assert.Equal(10, (await stock.GetLevelAsync()).Available);
    }

    [Fact]
    public async Task Confirm_moves_the_reserved_quantity_out_of_on_hand_into_sold_once()
    {
        var silo = cluster.Silo;
        var stock = silo.Stock("p-confirm");
        await stock.AdjustAsync(10, "delivery");
        await stock.ReserveAsync("order-1", 4);

        await stock.ConfirmAsync("order-1");
        var again = await stock.ConfirmAsync("order-1");

        Assert.Equal(ReservationStatus.Confirmed, again.Value!.Status);
        var level = await stock.GetLevelAsync();
        Assert.Equal(new StockLevel(OnHand: 6, Reserved: 0, Sold: 4, Received: 10, WrittenOff: 0), level.Figures());
        Invariants.AssertLedger(level);
    }

    [Fact]
    public async Task Confirm_without_a_reservation_sells_nothing_and_of_a_released_one_is_refused()
    {
        var silo = cluster.Silo;
        var stock = silo.Stock("p-unreserved");
        await stock.AdjustAsync(10, "delivery");
        await stock.ReserveAsync("order-2", 1);
        await stock.ReleaseAsync("order-2");

        Assert.Equal(0, (await stock.ConfirmAsync("order-1")).Value!.Quantity);
        Assert.Equal(ErrorCode.InvalidState, (await stock.ConfirmAsync("order-2")).Error!.Code);
        Assert.Equal(new StockLevel(OnHand: 10, Reserved: 0, Sold: 0, Received: 10, WrittenOff: 0), (await stock.GetLevelAsync()).Figures());
    }

    [Fact]
    public async Task Sales_are_counted_not_kept_per_order_and_a_return_brings_back_what_the_order_bought_once_never_more_than_sold()
    {
        var silo = cluster.Silo;
        var stock = silo.Stock("p-sales");
        await stock.AdjustAsync(100, "delivery");
        for (var i = 0; i < 20; i++)
        {
            await stock.ReserveAsync($"order-{i}", 2);
            await stock.ConfirmAsync($"order-{i}");
        }

        // The ledger does not grow with every sale: a confirmed order is forgotten, and confirming it again sells nothing.
        Assert.Null(await stock.GetReservationAsync("order-0"));
        Assert.Equal(0, (await stock.ConfirmAsync("order-0")).Value!.Quantity);
        Assert.Equal(new StockLevel(OnHand: 60, Reserved: 0, Sold: 40, Received: 100, WrittenOff: 0), (await stock.GetLevelAsync()).Figures());

        Assert.Equal(ErrorCode.InvalidState, (await stock.ReturnAsync("order-x", 41)).Error!.Code);
        Assert.Equal(ErrorCode.InvalidState, (await stock.ReturnAsync("order-x", 0)).Error!.Code);
        await stock.ReturnAsync("order-3", 2);
        var again = await stock.ReturnAsync("order-3", 2);

        Assert.Equal(new StockReservation("order-3", 2, ReservationStatus.Returned), again.Value);
        var level = await stock.GetLevelAsync();
        Assert.Equal(new StockLevel(OnHand: 62, Reserved: 0, Sold: 38, Received: 100, WrittenOff: 0), level.Figures());
        Invariants.AssertLedger(level);
    }

    [Fact]
    public async Task Return_after_confirm_puts_the_sold_quantity_back_on_hand_once()
    {
        var silo = cluster.Silo;
        var stock = silo.Stock("p-return");
        await stock.AdjustAsync(10, "delivery");
        await stock.ReserveAsync("order-1", 4);
        await stock.ConfirmAsync("order-1");

        await stock.ReturnAsync("order-1", 4);
        await stock.ReturnAsync("order-1", 4);

        var level = await stock.GetLevelAsync();
        Assert.Equal(new StockLevel(OnHand: 10, Reserved: 0, Sold: 0, Received: 10, WrittenOff: 0), level.Figures());
        Assert.Equal(ErrorCode.InvalidState, (await stock.ReleaseAsync("order-1")).Error!.Code);
    }

    [Fact]
    public async Task Write_off_below_reserved_is_refused_and_changes_nothing()
    {
        var silo = cluster.Silo;
        var stock = silo.Stock("p-writeoff");
        await stock.AdjustAsync(10, "delivery");
        await stock.ReserveAsync("order-1", 8);

        var refused = await stock.AdjustAsync(-3, "damaged");
        var allowed = await stock.AdjustAsync(-2, "damaged");

        Assert.Equal(ErrorCode.InvalidInput, refused.Error!.Code);
        Assert.Equal(["input", "delta"], refused.Error.Field);
        Assert.Equal(new StockLevel(OnHand: 8, Reserved: 8, Sold: 0, Received: 10, WrittenOff: 2), allowed.Value!.Figures());
        Invariants.AssertLedger(allowed.Value!);
    }

    [Fact]
    public async Task Each_saved_change_raises_the_level_version_and_a_refused_one_does_not()
    {
        var stock = cluster.Silo.Stock("p-version");
        var received = (await stock.AdjustAsync(10, "delivery")).Value!;
        var reserved = (await stock.ReserveAsync("order-1", 3)).Succeeded ? await stock.GetLevelAsync() : null;
        await stock.AdjustAsync(-20, "more than on hand");

        Assert.True(reserved!.Version > received.Version, $"{reserved.Version} after {received.Version}");
        Assert.Equal(reserved.Version, (await stock.GetLevelAsync()).Version);
    }

    [Theory]
    [InlineData(0, "delivery")]
    [InlineData(5, " ")]
    [InlineData(2_000_000, "delivery")]
    public async Task Adjust_without_a_delta_or_reason_is_invalid_input(int delta, string reason)
    {
        var silo = cluster.Silo;
        var stock = silo.Stock("p-adjust");

        var result = await stock.AdjustAsync(delta, reason);

        Assert.Equal(ErrorCode.InvalidInput, result.Error!.Code);
        Assert.Equal(new StockLevel(0, 0, 0, 0, 0), (await stock.GetLevelAsync()).Figures());
    }

    [Fact]
    public async Task Ledger_identity_holds_through_concurrent_reserves_confirms_releases_and_adjustments()
    {
        var silo = cluster.Silo;
        var stock = silo.Stock("p-mixed");
        await stock.AdjustAsync(100, "delivery");

        await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var order = $"order-{i}";
            if ((await stock.ReserveAsync(order, 1 + (i % 3))).Succeeded)
            {
                await (i % 2 == 0 ? stock.ConfirmAsync(order) : stock.ReleaseAsync(order));
            }

            await stock.AdjustAsync(i % 5 == 0 ? 2 : -1, "cycle count");
        }));

        Invariants.AssertLedger(await stock.GetLevelAsync());
    }

    [Fact]
    public async Task A_released_reservation_is_forgotten_after_the_retention_period_so_state_stays_bounded()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var silo = await ShopSilo.StartAsync(clock: clock);
        var stock = silo.Stock("p-retention");
        await stock.AdjustAsync(10, "delivery");
        await stock.ReserveAsync("order-1", 2);
        await stock.ReleaseAsync("order-1");
        clock.Advance(TimeSpan.FromDays(29));
        await stock.ReserveAsync("order-2", 1);
        Assert.NotNull(await stock.GetReservationAsync("order-1"));

        clock.Advance(TimeSpan.FromDays(2));
        await stock.ReserveAsync("order-3", 1);

        Assert.Null(await stock.GetReservationAsync("order-1"));
        Assert.Equal(ReservationStatus.Reserved, (await stock.GetReservationAsync("order-2"))!.Status);
        var level = await stock.GetLevelAsync();
        Assert.Equal(2, level.Reserved);
        Invariants.AssertLedger(level);
    }

    [Fact]
    public async Task Reserved_after_a_restart_counts_the_saved_reservations_and_follows_each_later_change()
    {
        using var data = new TemporaryDirectory();
        await using (var first = await ShopSilo.StartAsync(dataDirectory: data.Path))
        {
            var stock = first.Stock("p-restart");
            await stock.AdjustAsync(10, "delivery");
            await stock.ReserveAsync("order-1", 3);
            await stock.ReserveAsync("order-2", 2);
            await stock.ReserveAsync("order-3", 4);
            await stock.ConfirmAsync("order-3");
        }

        await using var second = await ShopSilo.StartAsync(dataDirectory: data.Path);
        var restarted = second.Stock("p-restart");
        Assert.Equal(new StockLevel(OnHand: 6, Reserved: 5, Sold: 4, Received: 10, WrittenOff: 0), (await restarted.GetLevelAsync()).Figures());

        // Only one left to reserve: the restarted grain must count the two reservations it did not make itself.
        Assert.Equal(ErrorCode.OutOfStock, (await restarted.ReserveAsync("order-4", 2)).Error!.Code);
        await restarted.ReleaseAsync("order-1");
        Assert.Equal(ErrorCode.InvalidState, (await restarted.ReserveAsync("order-1", 3)).Error!.Code);
        await restarted.ConfirmAsync("order-2");
        Assert.True((await restarted.ReserveAsync("order-5", 4)).Succeeded);

        var level = await restarted.GetLevelAsync();
        Assert.Equal(new StockLevel(OnHand: 4, Reserved: 4, Sold: 6, Received: 10, WrittenOff: 0), level.Figures());
        Invariants.AssertLedger(level);
    }
}
