using Microsoft.Extensions.Logging.Abstractions;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;
using OrleansShop.ReadModels.Customers;
using OrleansShop.ReadModels.Lists;
using OrleansShop.ReadModels.Notifications;
using OrleansShop.ReadModels.Orders;

namespace OrleansShop.ReadModels.Tests;

/// <summary>The admin order and customer lists, run against each database the read models support.</summary>
public abstract class ListReadModelContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_row_keeps_the_highest_version_whatever_order_the_updates_arrive_in()
    {
        var store = new OrderListStore(await DatabaseAsync());
        await store.UpsertAsync([Listing("o1", OrderStatus.Paid, T0, version: 2)], Ct);
        await store.UpsertAsync([Listing("o1", OrderStatus.PaymentPending, T0, version: 1)], Ct);
        await store.UpsertAsync([Listing("o1", OrderStatus.Paid, T0, version: 2) with { Email = "changed@example.com" }], Ct);

        var page = await store.PageAsync(new OrderListFilter(), new ListPageRequest(10, null, null, null), Ct);
        var row = Assert.Single(page.Items).Item;
        Assert.Equal(OrderStatus.Paid, row.Status);
        Assert.Equal("buyer@example.com", row.Email);
        Assert.Equal(2, row.Version);
        Assert.Equal(new Money(12.34m, "EUR"), row.Total);

        await store.UpsertAsync([Listing("o1", OrderStatus.Shipped, T0, version: 3)], Ct);
        var shipped = await store.PageAsync(new OrderListFilter(), new ListPageRequest(10, null, null, null), Ct);
        Assert.Equal(OrderStatus.Shipped, Assert.Single(shipped.Items).Item.Status);
    }

    [Fact]
    public async Task Orders_filter_by_status_email_and_time_and_page_newest_first_in_both_directions()
    {
        var store = new OrderListStore(await DatabaseAsync());
        var listings = Enumerable.Range(0, 7).Select(i => Listing(
            $"o{i}",
            i % 2 == 0 ? OrderStatus.Paid : OrderStatus.Cancelled,
            T0.AddMinutes(i),
            version: 1,
            email: i < 5 ? "Ann@Example.com" : "bob@example.com")).ToList();

        // Two orders placed in the same tick: the id breaks the tie, so no cursor skips or repeats one.
        listings.Add(Listing("o3b", OrderStatus.Paid, T0.AddMinutes(3), version: 1, email: "ann@example.com"));
        await store.UpsertAsync(listings, Ct);

        var ann = new OrderListFilter(CustomerEmail: "ANN@example.COM");
        var first = await store.PageAsync(ann, new ListPageRequest(2, null, null, null), Ct);
        var second = await store.PageAsync(ann, new ListPageRequest(2, first.Items[^1].Cursor, null, null), Ct);
        var third = await store.PageAsync(ann, new ListPageRequest(2, second.Items[^1].Cursor, null, null), Ct);
        var back = await store.PageAsync(ann, new ListPageRequest(null, null, 2, third.Items[0].Cursor), Ct);
        var paid = await store.PageAsync(new OrderListFilter([OrderStatus.Paid]), new ListPageRequest(20, null, null, null), Ct);
        var both = await store.PageAsync(new OrderListFilter([OrderStatus.Paid, OrderStatus.Cancelled], PlacedAfter: T0.AddMinutes(2), PlacedBefore: T0.AddMinutes(5)), new ListPageRequest(20, null, null, null), Ct);
        var nobody = await store.PageAsync(new OrderListFilter(CustomerEmail: "nobody@example.com"), new ListPageRequest(20, null, null, null), Ct);

        Assert.Equal(["o4", "o3b"], Ids(first));
        Assert.True(first.HasNextPage);
        Assert.False(first.HasPreviousPage);
        Assert.Equal(["o3", "o2"], Ids(second));
        Assert.Equal(["o1", "o0"], Ids(third));
        Assert.False(third.HasNextPage);
        Assert.All([first, second, third], p => Assert.Equal(6, p.TotalCount));
        Assert.Equal(["o3", "o2"], Ids(back));
        Assert.True(back.HasPreviousPage);
        Assert.True(back.HasNextPage);
        Assert.Equal(["o6", "o4", "o3b", "o2", "o0"], Ids(paid));
        Assert.Equal(["o4", "o3b", "o3", "o2"], Ids(both));
        Assert.Equal(0, nobody.TotalCount);
        Assert.Empty(nobody.Items);
    }

    [Fact]
    public async Task Customers_are_searched_by_email_or_display_name_in_any_case_and_wildcards_are_literal()
    {
        var store = new CustomerListStore(await DatabaseAsync());
        await store.UpsertAsync(
        [
            new CustomerListing("c1", "ada@example.com", "Ada Lovelace", T0, 1),
            new CustomerListing("c2", "grace@example.com", "Grace Hopper", T0.AddMinutes(1), 1),
            new CustomerListing("c3", "alan_t@example.com", "Alan Turing", T0.AddMinutes(2), 1),
            new CustomerListing("c4", "100%real@example.com", "Percent", T0.AddMinutes(3), 1),
        ], Ct);
        await store.UpsertAsync([new CustomerListing("c2", "grace@example.com", "Rear Admiral Hopper", T0.AddMinutes(1), 2)], Ct);

        var all = await store.PageAsync(null, new ListPageRequest(3, null, null, null), Ct);
        var rest = await store.PageAsync(null, new ListPageRequest(3, all.Items[^1].Cursor, null, null), Ct);
        var byEmail = await store.PageAsync("GRACE@", new ListPageRequest(10, null, null, null), Ct);
        var byName = await store.PageAsync("admiral", new ListPageRequest(10, null, null, null), Ct);
        var oldName = await store.PageAsync("grace hopper", new ListPageRequest(10, null, null, null), Ct);
        var underscore = await store.PageAsync("n_t", new ListPageRequest(10, null, null, null), Ct);
        var percent = await store.PageAsync("0%r", new ListPageRequest(10, null, null, null), Ct);
        var literalOnly = await store.PageAsync("a_a", new ListPageRequest(10, null, null, null), Ct);

        Assert.Equal(["c4", "c3", "c2"], all.Items.Select(i => i.Item.CustomerId));
        Assert.Equal(4, all.TotalCount);
        Assert.Equal(["c1"], rest.Items.Select(i => i.Item.CustomerId));
        Assert.Equal(["c2"], byEmail.Items.Select(i => i.Item.CustomerId));
        Assert.Equal(["c2"], byName.Items.Select(i => i.Item.CustomerId));
        Assert.Empty(oldName.Items);
        Assert.Equal(["c3"], underscore.Items.Select(i => i.Item.CustomerId));
        Assert.Equal(["c4"], percent.Items.Select(i => i.Item.CustomerId));
        Assert.Empty(literalOnly.Items);
    }

    [Fact]
    public async Task A_failing_database_delays_projected_updates_but_loses_none_and_the_newest_version_wins()
    {
        var store = new OrderListStore(await DatabaseAsync());
        var failuresLeft = 3;
        var queue = new ProjectionQueue<OrderListing>(
            async (batch, ct) =>
            {
                if (Interlocked.Decrement(ref failuresLeft) >= 0)
                {
                    throw new InvalidOperationException("The database is unavailable.");
                }

                await store.UpsertAsync(batch, ct);
            },
            l => l.OrderId,
            l => l.Version,
            NullLogger.Instance) { MaxRetryDelay = TimeSpan.FromMilliseconds(50) };
        await using (queue)
        {
            for (var version = 1; version <= 3; version++)
            {
                for (var i = 0; i < 40; i++)
                {
                    queue.Enqueue(Listing($"q{i}", version == 3 ? OrderStatus.Paid : OrderStatus.PaymentPending, T0.AddSeconds(i), version));
                }

                await Task.Delay(10, Ct);
            }

            // A late, older update must not win over what is already queued or stored.
            queue.Enqueue(Listing("q0", OrderStatus.PaymentPending, T0, version: 1));
            await queue.FlushAsync(Ct);
            Assert.True(queue.Failures >= 3, $"{queue.Failures} failures");
        }

        var page = await store.PageAsync(new OrderListFilter(), new ListPageRequest(100, null, null, null), Ct);
        Assert.Equal(40, page.TotalCount);
        Assert.All(page.Items, i => Assert.Equal((OrderStatus.Paid, 3L), (i.Item.Status, i.Item.Version)));
    }

    [Fact]
    public async Task An_order_event_is_acknowledged_only_once_its_listing_is_stored_and_a_late_one_changes_nothing()
    {
        var store = new OrderListStore(await DatabaseAsync());
        var down = true;
        var projection = new OrderListProjection(store, NullLogger<OrderListProjection>.Instance);
        var queue = new ProjectionQueue<OrderListing>(
            (batch, ct) => down ? throw new InvalidOperationException("The database is unavailable.") : store.UpsertAsync(batch, ct),
            l => l.OrderId,
            l => l.Version,
            NullLogger.Instance) { MaxRetryDelay = TimeSpan.FromMilliseconds(50) };
        await using (projection)
        await using (queue)
        {
            var waiting = queue.EnqueueAndWaitAsync(Listing("w1", OrderStatus.PaymentPending, T0, version: 1), Ct);
            await Task.Delay(300, Ct);
            Assert.False(waiting.IsCompleted, "acknowledged while the database was down");

            down = false;
            await waiting.WaitAsync(TimeSpan.FromSeconds(10), Ct);
            Assert.Equal(OrderStatus.PaymentPending, (await PageAsync(store)).Single(l => l.OrderId == "w1").Status);

            await projection.ConsumeAsync(Event("e1", OrderStatus.Paid, sequence: 2), Ct);
            await projection.ConsumeAsync(Event("e1", OrderStatus.PaymentPending, sequence: 1), Ct);
        }

        var row = (await PageAsync(store)).Single(l => l.OrderId == "e1");
        Assert.Equal((OrderStatus.Paid, 2L, "OS-e1"), (row.Status, row.Version, row.Number));
    }

    [Fact]
    public async Task Waiting_for_a_store_that_stays_down_times_out_and_the_update_is_still_written_later()
    {
        var store = new OrderListStore(await DatabaseAsync());
        var down = true;
        var queue = new ProjectionQueue<OrderListing>(
            (batch, ct) => down ? throw new InvalidOperationException("The database is unavailable.") : store.UpsertAsync(batch, ct),
            l => l.OrderId,
            l => l.Version,
            NullLogger.Instance) { MaxRetryDelay = TimeSpan.FromMilliseconds(50), MaxWait = TimeSpan.FromMilliseconds(300) };
        await using (queue)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => queue.EnqueueAndWaitAsync(Listing("t1", OrderStatus.Paid, T0, version: 1), Ct));
            down = false;
            await queue.FlushAsync(Ct);
        }

        Assert.Contains(await PageAsync(store), l => l.OrderId == "t1");
    }

    [Fact]
    public async Task The_notification_outbox_records_each_order_event_once_however_often_it_is_delivered()
    {
        var outbox = new OrderNotificationOutbox(await DatabaseAsync(), NullLogger<OrderNotificationOutbox>.Instance);
        await using (outbox)
        {
            var placed = Event("n1", OrderStatus.PaymentPending, sequence: 1);
            var paid = Event("n1", OrderStatus.Paid, sequence: 2);
            await Task.WhenAll(outbox.ConsumeAsync(placed, Ct), outbox.ConsumeAsync(paid, Ct));
            await outbox.ConsumeAsync(placed, Ct);
            await outbox.ConsumeAsync(Event("n2", OrderStatus.PaymentPending, sequence: 1), Ct);

            var recorded = await outbox.ForOrderAsync("n1", Ct);
            Assert.Equal(
                [("order/n1/1", OrderStatus.PaymentPending, 2), ("order/n1/2", OrderStatus.Paid, 1)],
                recorded.Select(n => (n.EventId, n.Status, n.Deliveries)));
            Assert.All(recorded, n => Assert.Equal(("OS-n1", "buyer@example.com"), (n.Number, n.Email)));
            Assert.Single(await outbox.ForOrderAsync("n2", Ct));
        }
    }

    [Fact]
    public async Task The_outbox_gives_a_due_notification_to_one_claim_per_lease_and_none_once_sent_or_failed()
    {
        var outbox = new OrderNotificationOutbox(await DatabaseAsync(), NullLogger<OrderNotificationOutbox>.Instance);
        await using (outbox)
        {
            await outbox.ConsumeAsync(Event("m1", OrderStatus.PaymentPending, sequence: 1), Ct);
            await outbox.ConsumeAsync(Event("m2", OrderStatus.PaymentPending, sequence: 1), Ct);

            var first = await outbox.ClaimDueAsync(10, TimeSpan.FromHours(1), Ct);
            Assert.Equal(["order/m1/1", "order/m2/1"], first.Select(c => c.Notification.EventId).Order(StringComparer.Ordinal));
            var m1 = first.Single(c => c.Notification.OrderId == "m1");
            Assert.Equal((0, "Ada", 12.34m, "EUR"), (m1.FailedAttempts, m1.Content.RecipientName, m1.Content.Total.Amount, m1.Content.Total.Currency));
            Assert.Empty(await outbox.ClaimDueAsync(10, TimeSpan.FromHours(1), Ct));

            // m1 refused once, m2 put back unattempted: both due again, only m1 with an attempt counted.
            await outbox.RetryLaterAsync("order/m1/1", "451 later", DateTimeOffset.UtcNow.AddSeconds(-1), Ct);
            await outbox.ReleaseAsync(["order/m2/1"], DateTimeOffset.UtcNow.AddSeconds(-1), Ct);
            var again = await outbox.ClaimDueAsync(10, TimeSpan.FromHours(1), Ct);
            Assert.Equal([("order/m1/1", 1), ("order/m2/1", 0)], again.Select(c => (c.Notification.EventId, c.FailedAttempts)).OrderBy(c => c.EventId, StringComparer.Ordinal));

            await outbox.MarkSentAsync("order/m1/1", Ct);
            await outbox.GiveUpAsync("order/m2/1", "550 no such user", Ct);

            // The stream delivering the sent event again changes nothing about its delivery.
            await outbox.ConsumeAsync(Event("m1", OrderStatus.PaymentPending, sequence: 1), Ct);
            await outbox.ReleaseAsync(["order/m1/1", "order/m2/1"], DateTimeOffset.UtcNow.AddSeconds(-1), Ct);
            Assert.Empty(await outbox.ClaimDueAsync(10, TimeSpan.FromHours(1), Ct));
            Assert.Equal(OrderNotificationDelivery.Sent, Assert.Single(await outbox.ForOrderAsync("m1", Ct)).Delivery);
            var failed = Assert.Single((await outbox.PageAsync(OrderNotificationDelivery.Failed, AllOfThem, Ct)).Items).Item;
            Assert.Equal(("order/m2/1", 1, "550 no such user"), (failed.Notification.EventId, failed.Attempts, failed.LastError));
        }
    }

    [Fact]
    public async Task Claims_made_at_once_share_out_the_due_notifications_without_overlap()
    {
        var database = await DatabaseAsync();
        var outbox = new OrderNotificationOutbox(database, NullLogger<OrderNotificationOutbox>.Instance);
        var other = new OrderNotificationOutbox(database, NullLogger<OrderNotificationOutbox>.Instance);
        await using (outbox)
        await using (other)
        {
            await Task.WhenAll(Enumerable.Range(1, 60).Select(i => outbox.ConsumeAsync(Event($"c{i}", OrderStatus.Paid, sequence: 2), Ct)));

            var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? outbox : other).ClaimDueAsync(5, TimeSpan.FromHours(1), Ct)));

            var claimed = claims.SelectMany(c => c).Select(c => c.Notification.EventId).ToList();
            Assert.Equal(60, claimed.Count);
            Assert.Equal(60, claimed.Distinct().Count());
            Assert.All(claims, c => Assert.InRange(c.Count, 0, 5));
        }
    }

    [Fact]
    public async Task Notifications_recorded_before_the_outbox_kept_their_content_are_skipped_not_mailed()
    {
        var database = await DatabaseAsync();
        await using (var connection = await database.OpenAsync(Ct))
        await using (var command = connection.CreateCommand())
        {
            // The table as the first version of the outbox created it.
            command.CommandText =
                """
                CREATE TABLE order_notifications (
                    event_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, number TEXT NOT NULL, email TEXT NOT NULL, status TEXT NOT NULL,
                    sequence INTEGER NOT NULL, recorded_at BIGINT NOT NULL, deliveries INTEGER NOT NULL);
                INSERT INTO order_notifications VALUES ('order/old/1', 'old', 'OS-old', 'buyer@example.com', 'Paid', 1, 0, 1);
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        var outbox = new OrderNotificationOutbox(database, NullLogger<OrderNotificationOutbox>.Instance);
        await using (outbox)
        {
            await outbox.ConsumeAsync(Event("new", OrderStatus.PaymentPending, sequence: 1), Ct);

            Assert.Equal(OrderNotificationDelivery.Skipped, Assert.Single(await outbox.ForOrderAsync("old", Ct)).Delivery);
            Assert.Equal(["order/new/1"], (await outbox.ClaimDueAsync(10, TimeSpan.FromHours(1), Ct)).Select(c => c.Notification.EventId));
        }
    }

    [Fact]
    public async Task Notifications_are_listed_by_delivery_newest_first_with_attempts_last_error_and_times_in_pages()
    {
        var clock = new SettableClock(T0);
        var outbox = new OrderNotificationOutbox(await DatabaseAsync(), NullLogger<OrderNotificationOutbox>.Instance, clock);
        await using (outbox)
        {
            foreach (var id in new[] { "l1", "l2", "l3", "l4" })
            {
                clock.Now += TimeSpan.FromMinutes(1);
                await outbox.ConsumeAsync(Event(id, OrderStatus.Paid, sequence: 2), Ct);
            }

            clock.Now += TimeSpan.FromMinutes(1);
            Assert.Equal(4, (await outbox.ClaimDueAsync(10, TimeSpan.FromHours(1), Ct)).Count);
            await outbox.GiveUpAsync("order/l1/2", "550 no such user", Ct);
            await outbox.GiveUpAsync("order/l2/2", "554 rejected", Ct);
            await outbox.GiveUpAsync("order/l4/2", "550 mailbox full", Ct);
            var attemptedAt = clock.Now;
            clock.Now += TimeSpan.FromMinutes(1);
            await outbox.RetryLaterAsync("order/l3/2", "451 later", clock.Now + TimeSpan.FromMinutes(5), Ct);

            var first = await outbox.PageAsync(OrderNotificationDelivery.Failed, new ListPageRequest(2, null, null, null), Ct);
            var rest = await outbox.PageAsync(OrderNotificationDelivery.Failed, new ListPageRequest(2, first.Items[^1].Cursor, null, null), Ct);
            var pending = Assert.Single((await outbox.PageAsync(OrderNotificationDelivery.Pending, AllOfThem, Ct)).Items).Item;

            Assert.Equal((3, true, false), (first.TotalCount, first.HasNextPage, first.HasPreviousPage));
            Assert.Equal(["order/l4/2", "order/l2/2"], first.Items.Select(i => i.Item.Notification.EventId));
            Assert.Equal(["order/l1/2"], rest.Items.Select(i => i.Item.Notification.EventId));
            Assert.False(rest.HasNextPage);
            var l4 = first.Items[0].Item;
            Assert.Equal(
                ("l4", "OS-l4", "buyer@example.com", OrderStatus.Paid, OrderNotificationDelivery.Failed, 1, "550 mailbox full", attemptedAt, T0 + TimeSpan.FromMinutes(4)),
                (l4.Notification.OrderId, l4.Notification.Number, l4.Notification.Email, l4.Notification.Status, l4.Notification.Delivery, l4.Attempts, l4.LastError, l4.LastAttemptAt, l4.Notification.RecordedAt));
            Assert.Equal(("order/l3/2", 1, "451 later", clock.Now, clock.Now + TimeSpan.FromMinutes(5)), (pending.Notification.EventId, pending.Attempts, pending.LastError, pending.LastAttemptAt, pending.NextAttemptAt));
            Assert.Empty((await outbox.PageAsync(OrderNotificationDelivery.Sent, AllOfThem, Ct)).Items);
        }
    }

    [Fact]
    public async Task Retrying_puts_only_a_failed_notification_back_due_now_with_no_attempts_and_leaves_every_other_one_as_it_was()
    {
        var clock = new SettableClock(T0);
        var outbox = new OrderNotificationOutbox(await DatabaseAsync(), NullLogger<OrderNotificationOutbox>.Instance, clock);
        await using (outbox)
        {
            await outbox.ConsumeAsync(Event("r1", OrderStatus.PaymentPending, sequence: 1), Ct);
            await outbox.ConsumeAsync(Event("r2", OrderStatus.PaymentPending, sequence: 1), Ct);
            await outbox.ConsumeAsync(Event("r3", OrderStatus.PaymentPending, sequence: 1), Ct);
            Assert.Equal(3, (await outbox.ClaimDueAsync(10, TimeSpan.FromHours(1), Ct)).Count);
            await outbox.RetryLaterAsync("order/r1/1", "451 later", clock.Now, Ct);
            await outbox.GiveUpAsync("order/r1/1", "550 no such user", Ct);
            await outbox.MarkSentAsync("order/r2/1", Ct);
            clock.Now += TimeSpan.FromMinutes(10);

            // r3 is still claimed (its lease runs for the hour): a retry must not make it due for a second claim.
            var (claimedOutcome, claimed) = await outbox.RetryAsync("order/r3/1", Ct);
            var (sentOutcome, sent) = await outbox.RetryAsync("order/r2/1", Ct);
            var (missingOutcome, missing) = await outbox.RetryAsync("order/nope/1", Ct);
            Assert.Equal((OrderNotificationRetry.NotFailed, OrderNotificationDelivery.Pending, T0 + TimeSpan.FromHours(1)), (claimedOutcome, claimed!.Notification.Delivery, claimed.NextAttemptAt));
            Assert.Equal((OrderNotificationRetry.NotFailed, OrderNotificationDelivery.Sent), (sentOutcome, sent!.Notification.Delivery));
            Assert.Equal((OrderNotificationRetry.NotFound, null), (missingOutcome, missing));
            Assert.Empty(await outbox.ClaimDueAsync(10, TimeSpan.FromHours(1), Ct));

            var (outcome, retried) = await outbox.RetryAsync("order/r1/1", Ct);
            Assert.Equal(OrderNotificationRetry.Retried, outcome);
            Assert.Equal((OrderNotificationDelivery.Pending, 0, clock.Now, "550 no such user"), (retried!.Notification.Delivery, retried.Attempts, retried.NextAttemptAt, retried.LastError));
            Assert.Equal(OrderNotificationRetry.NotFailed, (await outbox.RetryAsync("order/r1/1", Ct)).Outcome);

            var again = Assert.Single(await outbox.ClaimDueAsync(10, TimeSpan.FromHours(1), Ct));
            Assert.Equal(("order/r1/1", 0), (again.Notification.EventId, again.FailedAttempts));
            Assert.Empty((await outbox.PageAsync(OrderNotificationDelivery.Failed, AllOfThem, Ct)).Items);
            Assert.Equal(OrderNotificationDelivery.Sent, Assert.Single(await outbox.ForOrderAsync("r2", Ct)).Delivery);
        }
    }

    [Fact]
    public async Task Retries_and_claims_made_at_once_put_a_failed_notification_back_once_and_hand_it_to_one_claim()
    {
        var database = await DatabaseAsync();
        var outbox = new OrderNotificationOutbox(database, NullLogger<OrderNotificationOutbox>.Instance);
        var other = new OrderNotificationOutbox(database, NullLogger<OrderNotificationOutbox>.Instance);
        await using (outbox)
        await using (other)
        {
            await Task.WhenAll(Enumerable.Range(1, 20).Select(i => outbox.ConsumeAsync(Event($"x{i}", OrderStatus.Paid, sequence: 2), Ct)));
            Assert.Equal(20, (await outbox.ClaimDueAsync(20, TimeSpan.FromHours(1), Ct)).Count);
            foreach (var i in Enumerable.Range(1, 20))
            {
                await outbox.GiveUpAsync($"order/x{i}/2", "550 no such user", Ct);
            }

            // Two administrators retry every mail at once while two mailers claim.
            var retries = Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? outbox : other).RetryAsync($"order/x{i / 2 + 1}/2", Ct)).ToList();
            var claims = Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? outbox : other).ClaimDueAsync(5, TimeSpan.FromHours(1), Ct)).ToList();
            var outcomes = await Task.WhenAll(retries);
            var claimed = (await Task.WhenAll(claims)).SelectMany(c => c).Select(c => c.Notification.EventId).ToList();
            claimed.AddRange((await outbox.ClaimDueAsync(20, TimeSpan.FromHours(1), Ct)).Select(c => c.Notification.EventId));

            Assert.Equal(20, outcomes.Count(o => o.Outcome == OrderNotificationRetry.Retried));
            Assert.Equal(20, outcomes.Count(o => o.Outcome == OrderNotificationRetry.NotFailed));
            Assert.Equal(20, claimed.Count);
            Assert.Equal(20, claimed.Distinct().Count());
        }
    }

    protected abstract Task<ReadModelDatabase> DatabaseAsync();

    private static ListPageRequest AllOfThem { get; } = new(100, null, null, null);


    private static async Task<List<OrderListing>> PageAsync(OrderListStore store) =>
        [.. (await store.PageAsync(new OrderListFilter(), new ListPageRequest(100, null, null, null), Ct)).Items.Select(i => i.Item)];

    private static OrderEvent Event(string orderId, OrderStatus status, int sequence) => new(new OrderDetails(
        orderId, "OS-" + orderId, null, "buyer@example.com", [], new Money(12.34m, "EUR"), Money.Zero("EUR"), new Money(12.34m, "EUR"),
        new AddressInput("Ada", "1 Main St", null, "Springfield", null, "12345", "US", null), status,
        [.. Enumerable.Range(1, sequence).Select(i => new OrderStatusChange(i == sequence ? status : OrderStatus.PaymentPending, T0, null))],
        [], null, T0, null));

    private static OrderListing Listing(string id, OrderStatus status, DateTimeOffset placedAt, long version, string email = "buyer@example.com") =>
        new(id, "OS-" + id, null, email, status, new Money(12.34m, "EUR"), placedAt, version);

    private static List<string> Ids(ListPage<OrderListing> page) => [.. page.Items.Select(i => i.Item.OrderId)];

    /// <summary>A clock the test moves by hand, so recorded and attempt times are known exactly.</summary>
    private sealed class SettableClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
