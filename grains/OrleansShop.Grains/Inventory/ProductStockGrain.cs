using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Placement;
using Orleans.Core;
using Orleans.Runtime;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// The only writer of a product's stock. Each order-driven change is keyed by order id and recorded, so a retry finds
/// the first outcome instead of changing stock again.
/// </summary>
// One owner per product even while the cluster changes: hash placement keeps a product's stock on the silo
// its id maps to, instead of wherever load is lowest.
[HashBasedPlacement]
[GrainType("product-stock")]
internal sealed class ProductStockGrain(
    [PersistentState("stock")] IPersistentState<ProductStockState> stock,
    ILogger<ProductStockGrain> logger) : Grain, IProductStockGrain
{
    /// <summary>Bounds one adjustment so that the ledger's ints cannot overflow by accident.</summary>
    public const int MaxAdjustment = 1_000_000;

    /// <summary>How many adjustments the state keeps.</summary>
    public const int KeptAdjustments = 200;

    /// <summary>
    /// How long a released or returned reservation is remembered: far beyond any retry of a call, after which keeping it
    /// would only grow the state (a grain's state is bounded in size by the storage provider).
    /// </summary>
    public static readonly TimeSpan SettledRetention = TimeSpan.FromDays(30);

    private RetryUntilDone? events;

    private ProductStockState Ledger => stock.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        events = new RetryUntilDone(this, PublishLevelAsync, logger, "Publishing the stock level");

        // Sales confirmed before sales were forgotten go now (saved with the next change); they hold nothing.
        foreach (var sold in Ledger.Reservations.Values.Where(r => r.Status == ReservationStatus.Confirmed).ToList())
        {
            Ledger.Forget(sold.OrderId);
        }

        return stock.RecordExists ? CatchUpAsync() : Task.CompletedTask;
    }

    /// <summary>
    /// A change whose event was lost with a crashed process goes out when the product next activates; the catalog's
    /// availability (<see cref="StockAvailabilityProjection"/>) is fed from it.
    /// </summary>
    private Task CatchUpAsync() => events!.RunAsync();

    public async Task<Result<StockReservation>> ReserveAsync(string orderId, int quantity)
    {
        if (string.IsNullOrWhiteSpace(orderId))
        {
            return Result<StockReservation>.Fail(ErrorCode.InvalidInput, "An order id is required.", "orderId");
        }

        if (quantity <= 0)
        {
            return Result<StockReservation>.Fail(ErrorCode.InvalidInput, "Quantity must be at least 1.", "quantity");
        }

        if (Ledger.Reservations.TryGetValue(orderId, out var existing))
        {
            return existing switch
            {
                { Status: ReservationStatus.Released } => Result<StockReservation>.Fail(
                    ErrorCode.InvalidState, $"The reservation of order {orderId} was released and cannot be made again."),
                _ when existing.Quantity != quantity => Result<StockReservation>.Fail(
                    ErrorCode.Conflict, $"Order {orderId} already reserved {existing.Quantity}, not {quantity}.", "quantity"),
                _ => Result<StockReservation>.Ok(existing),
            };
        }

        var available = Ledger.OnHand - Ledger.Reserved;
        if (available < quantity)
        {
            return Result<StockReservation>.Fail(ErrorCode.OutOfStock, $"Only {available} available, {quantity} requested.", "quantity");
        }

        return await RecordAsync(new StockReservation(orderId, quantity, ReservationStatus.Reserved));
    }

    public async Task<Result<StockReservation>> ReleaseAsync(string orderId)
    {
        if (!Ledger.Reservations.TryGetValue(orderId, out var existing))
        {
            // Remember the release even though nothing was held, so that a late reservation for this order is refused.
            return await RecordAsync(new StockReservation(orderId, 0, ReservationStatus.Released));
        }

        return existing.Status switch
        {
            ReservationStatus.Reserved => await RecordAsync(existing with { Status = ReservationStatus.Released }),
            ReservationStatus.Released => Result<StockReservation>.Ok(existing),
            _ => Result<StockReservation>.Fail(ErrorCode.InvalidState, $"Order {orderId} was paid; its stock is returned, not released."),
        };
    }

    public async Task<Result<StockReservation>> ConfirmAsync(string orderId)
    {
        if (!Ledger.Reservations.TryGetValue(orderId, out var existing))
        {
            // A confirmed reservation is not kept (see RecordAsync), so an order this ledger does not know is a retry of
            // a confirm already done, or an order that never reserved here: either way nothing may be sold now.
            return Result<StockReservation>.Ok(new StockReservation(orderId, 0, ReservationStatus.Confirmed));
        }

        if (existing.Status == ReservationStatus.Released)
        {
            return Result<StockReservation>.Fail(ErrorCode.InvalidState, $"No stock is reserved for order {orderId}.");
        }

        if (existing.Status != ReservationStatus.Reserved)
        {
            return Result<StockReservation>.Ok(existing);
        }

        Ledger.OnHand -= existing.Quantity;
        Ledger.Sold += existing.Quantity;
        return await RecordAsync(existing with { Status = ReservationStatus.Confirmed });
    }

    public async Task<Result<StockReservation>> ReturnAsync(string orderId, int quantity)
    {
        var known = Ledger.Reservations.GetValueOrDefault(orderId);
        if (known is { Status: ReservationStatus.Returned })
        {
            return Result<StockReservation>.Ok(known);
        }

        // A sale is not remembered per order (see RecordAsync): the order says what it bought, and no more can come back than was sold.
        var sold = known ?? new StockReservation(orderId, quantity, ReservationStatus.Confirmed);
        if (sold.Status != ReservationStatus.Confirmed || sold.Quantity <= 0 || sold.Quantity > Ledger.Sold)
        {
            return Result<StockReservation>.Fail(ErrorCode.InvalidState, $"No stock was sold to order {orderId}.");
        }

        Ledger.Sold -= sold.Quantity;
        Ledger.OnHand += sold.Quantity;
        return await RecordAsync(sold with { Status = ReservationStatus.Returned });
    }

    public async Task<Result<StockLevel>> AdjustAsync(int delta, string reason)
    {
        if (delta == 0 || Math.Abs((long)delta) > MaxAdjustment)
        {
            return Result<StockLevel>.Fail(ErrorCode.InvalidInput, $"Delta must be non-zero and at most {MaxAdjustment} either way.", "delta");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<StockLevel>.Fail(ErrorCode.InvalidInput, "A reason is required.", "reason");
        }

        if (delta < 0 && Ledger.OnHand + delta < Ledger.Reserved)
        {
            return Result<StockLevel>.Fail(
                ErrorCode.InvalidInput,
                $"Writing off {-delta} would leave {Ledger.OnHand + delta} on hand, below the {Ledger.Reserved} reserved.",
                "delta");
        }

        if (delta > 0)
        {
            Ledger.Received += delta;
        }
        else
        {
            Ledger.WrittenOff -= delta;
        }

        Ledger.OnHand += delta;
        Ledger.Adjustments.Add(new StockAdjustment(delta, reason.Trim(), ServiceProvider.Clock().GetUtcNow()));
        if (Ledger.Adjustments.Count > KeptAdjustments)
        {
            Ledger.Adjustments.RemoveRange(0, Ledger.Adjustments.Count - KeptAdjustments);
        }

        await SaveAsync();
        await events!.RunAsync();
        return Result<StockLevel>.Ok(Ledger.Level());
    }

    public Task<StockLevel> GetLevelAsync() => Task.FromResult(Ledger.Level());

    public Task<StockReservation?> GetReservationAsync(string orderId) =>
        Task.FromResult(Ledger.Reservations.GetValueOrDefault(orderId));

    private async Task<Result<StockReservation>> RecordAsync(StockReservation reservation)
    {
        // A sale is final here: remembering every order ever sold would grow this state (written whole on every change)
        // without bound. Sold counts it; a retried confirm finds nothing to sell, and a return brings its own quantity.
        if (reservation.Status == ReservationStatus.Confirmed)
        {
            Ledger.Forget(reservation.OrderId);
        }
        else
        {
            Ledger.Record(reservation);
        }

        var now = ServiceProvider.Clock().GetUtcNow();
        if (reservation.Status is ReservationStatus.Released or ReservationStatus.Returned)
        {
            Ledger.Settled.Add(new SettledReservation(reservation.OrderId, now));
        }

        ForgetSettledBefore(now - SettledRetention);
        await SaveAsync();

        // Only a release of nothing (remembered to refuse a late reservation) leaves on hand and reserved as they were.
        if (reservation.Quantity > 0)
        {
            await events!.RunAsync();
        }

        return Result<StockReservation>.Ok(reservation);
    }

    /// <summary>
    /// Publishes the saved level on the domain-event stream, read by the live subscriptions (GraphQL stockChanged) and any
    /// stock consumer. Always the current level, which is all its readers keep: a retry after the queue was down sends
    /// the newest level, not the ones it replaced.
    /// </summary>
    private Task PublishLevelAsync() =>
        this.GetStreamProvider(DomainEvents.Provider).GetStream<StockEvent>(DomainEvents.ForStock(this.GetPrimaryKeyString()))
            .OnNextAsync(new StockEvent(this.GetPrimaryKeyString(), Ledger.Level()));

    private Task SaveAsync()
    {
        Ledger.Version++;
        return stock.SaveAsync();
    }

    private void ForgetSettledBefore(DateTimeOffset cutoff)
    {
        var forgotten = 0;
        while (forgotten < Ledger.Settled.Count && Ledger.Settled[forgotten].At < cutoff)
        {
            Ledger.Forget(Ledger.Settled[forgotten].OrderId);
            forgotten++;
        }

        Ledger.Settled.RemoveRange(0, forgotten);
    }
}
