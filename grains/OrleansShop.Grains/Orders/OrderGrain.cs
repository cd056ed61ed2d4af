using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Core;
using Orleans.Runtime;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// An order and its checkout saga. Every step is decided and saved before it is carried out, and every stock call is
/// idempotent per order id, so after a crash the order simply does the saved step again: on activation, on the next
/// call, or on its reminder's tick. The reminder also expires orders left unpaid.
/// </summary>
[GrainType("order")]
internal sealed partial class OrderGrain(
    [PersistentState("order")] IPersistentState<OrderState> order,
    IPaymentGateway gateway,
    IOptions<OrderOptions> options,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    public const string ReminderName = "checkout";
    public const int MaxIdempotencyKeyLength = 200;
    public const int MaxNoteLength = 500;

    private readonly OrderOptions settings = options.Value;

    /// <summary>The reminder as this activation last registered it; saves reading it back from the table to stop it.</summary>
    private IGrainReminder? reminder;

    // Retries an unfinished stock step every few seconds while this activation lives; the reminder is the durable fallback.
    private IGrainTimer? stepRetry;

    private static readonly TimeSpan StepRetryDelay = TimeSpan.FromSeconds(2);

    // Publishes every saved status change on the domain-event stream, retrying while the queue cannot be reached.
    private RetryUntilDone? events;

    private string Id => this.GetPrimaryKeyString();

    private OrderState State { get => order.State; set => order.State = value; }

    /// <summary>What this order's reservations are held under: the order id, then one key per retried checkout.</summary>
    private string ReservationKey => State.RejectedAttempts == 0 ? Id : $"{Id}#{State.RejectedAttempts}";

    private DateTimeOffset Now => ServiceProvider.Clock().GetUtcNow();

    private bool HasUnfinishedStep =>
        State.Stage is OrderStage.Reserving or OrderStage.Rejecting || (State.Stage == OrderStage.Open && State.PendingStock != StockStep.None);

    private bool NeedsReminder => HasUnfinishedStep || (State.Stage == OrderStage.Open && State.Status == OrderStatus.PaymentPending);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        events = new RetryUntilDone(this, PublishEventsAsync, logger, "Publishing the order's domain events");

        // Again on activation: an event a crashed process did not publish, or a customer list that missed an update,
        // catches up when the order is next used.
        if (State.Stage == OrderStage.Open)
        {
            await CatchUpEventsAsync();
            await UpdateCustomerListAsync();
        }

        if (HasUnfinishedStep)
        {
            try
            {
                await ContinueAsync();
            }
            catch (Exception e)
            {
                // Retried soon, and by the reminder; the order must still activate so that it can be read.
                LogResumeFailed(e, Id);
                RetryStepSoon();
            }
        }
    }

    public async Task<Result<OrderDetails>> CheckoutAsync(CheckoutRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (State.Stage == OrderStage.Rejected)
        {
            // A rejected checkout changed nothing that lasts (its reservations were released), so its key is not bound to
            // that answer: a retry after the shopper fixed the cart checks out the cart as it is now.
            State = new OrderState { RejectedAttempts = State.RejectedAttempts + 1 };
        }

        if (State.Stage != OrderStage.None)
        {
            if (request.IdempotencyKey != State.IdempotencyKey || request.CartId != State.CartId)
            {
                return Result<OrderDetails>.Fail(ErrorCode.Conflict, $"Order {Id} belongs to another checkout.", "idempotencyKey");
            }

            if (HasUnfinishedStep)
            {
                await ContinueAsync();
            }

            return CheckoutResult();
        }

        var errors = CheckCheckout(request);
        if (errors.Count > 0)
        {
            return Result<OrderDetails>.Fail(errors);
        }

        var items = await GrainFactory.GetGrain<ICartGrain>(request.CartId).GetItemsAsync();
        if (items.Count == 0)
        {
            return Result<OrderDetails>.Fail(ErrorCode.CartEmpty, "The cart is empty.", "cartId");
        }

        // Prices come from the catalog now, not from whatever the cart last showed.
        var products = await Task.WhenAll(items.Select(i => GrainFactory.GetGrain<IProductGrain>(i.ProductId).GetAsync()));
        var levels = await Task.WhenAll(items.Select(i => GrainFactory.GetGrain<IProductStockGrain>(i.ProductId).GetLevelAsync()));
        var lines = new List<OrderLine>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (products[i] is not { Archived: false } product)
            {
                var name = products[i]?.Name ?? items[i].ProductId;
                return Result<OrderDetails>.Fail(ErrorCode.ProductUnavailable, $"{name} is no longer sold; remove it from the cart.");
            }

            if (levels[i].Available < items[i].Quantity)
            {
                // Checked before anything is saved, so the common out-of-stock answer binds no key and takes no number;
                // the reservations below still decide, for a race this read cannot see.
                return Result<OrderDetails>.Fail(ErrorCode.OutOfStock, $"{product.Name}: only {Math.Max(levels[i].Available, 0)} available, {items[i].Quantity} in the cart.");
            }

            if (lines.Count > 0 && lines[0].UnitPrice.Currency != product.Price.Currency)
            {
                return Result<OrderDetails>.Fail(ErrorCode.InvalidInput, "The cart mixes currencies.");
            }

            lines.Add(new OrderLine(product.Id, product.Sku, product.Name, items[i].Quantity, product.Price, product.Price * items[i].Quantity));
        }

        var subtotal = lines.Skip(1).Aggregate(lines[0].LineTotal, (sum, line) => sum + line.LineTotal);
        var shipping = settings.ShippingFor(subtotal);

        // The reminder comes first: whatever happens after it, something will wake this order to finish or expire it.
        // The reservation runs out when it first ticks (the deadline is taken just before, so the tick is never early).
        var expiresAt = Now + settings.ReservationTimeout;
        reminder = await this.RegisterOrUpdateReminder(ReminderName, settings.ReservationTimeout, settings.ReminderPeriod);
        State.Stage = OrderStage.Reserving;
        State.IdempotencyKey = request.IdempotencyKey;
        State.CartId = request.CartId;
        State.CustomerId = request.CustomerId;
        State.Email = request.Email.Trim();
        State.Lines = lines;
        State.Subtotal = subtotal;
        State.Shipping = shipping;
        State.Total = subtotal + shipping;
        State.ShippingAddress = request.ShippingAddress;
        State.PlacedAt = Now;
        await order.SaveAsync();

        await ReserveLinesAsync(expiresAt);
        if (State.Stage == OrderStage.Open)
        {
            await ClearCartAsync();
        }

        return CheckoutResult();
    }

    public async Task<Result<PaymentOutcome>> PayAsync(PaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (State.Stage != OrderStage.Open)
        {
            return Result<PaymentOutcome>.Fail(ErrorCode.NotFound, $"Order {Id} does not exist.", "orderId");
        }

        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > MaxIdempotencyKeyLength)
        {
            return Result<PaymentOutcome>.Fail(ErrorCode.InvalidInput, $"An idempotency key of 1 to {MaxIdempotencyKeyLength} characters is required.", "idempotencyKey");
        }

        if (State.Payments.Find(p => p.IdempotencyKey == request.IdempotencyKey) is { } earlier)
        {
            // A card attempt still pending was cut off before the provider's answer was stored: ask again under the same
            // key, which the provider answers with the first charge's outcome instead of charging twice.
            return earlier.Payment is { Status: PaymentStatus.Pending, Method: PaymentMethod.Card }
                ? await ChargeAsync(earlier.Payment, request.CardToken, request.IdempotencyKey)
                : Outcome(earlier.Payment);
        }

        if (!Enum.IsDefined(request.Method))
        {
            return Result<PaymentOutcome>.Fail(ErrorCode.InvalidInput, "Unknown payment method.", "method");
        }

        if (request.Method == PaymentMethod.Card && string.IsNullOrWhiteSpace(request.CardToken))
        {
            return Result<PaymentOutcome>.Fail(ErrorCode.InvalidInput, "A card payment needs the payment provider's card token.", "cardToken");
        }

        await ExpireIfDueAsync();
        if (State.Status != OrderStatus.PaymentPending)
        {
            return Result<PaymentOutcome>.Fail(ErrorCode.InvalidState, $"Order {State.Number} is {State.Status} and cannot be paid.", "orderId");
        }

        // The attempt is saved before the provider is asked, so a crash leaves a trace of it rather than a lost charge.
        var payment = new Payment(Guid.NewGuid().ToString("N"), request.Method, PaymentStatus.Pending, State.Total, null, null, null, null, Now);
        State.Payments.Add(new PaymentRecord(payment, request.IdempotencyKey));
        await order.SaveAsync();
        return await ChargeAsync(payment, request.CardToken, request.IdempotencyKey);
    }

    public async Task<Result<PaymentOutcome>> CompletePaymentAsync(PaymentNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var index = State.Stage == OrderStage.Open ? State.Payments.FindIndex(p => p.Payment.Id == notification.PaymentId) : -1;
        if (index < 0)
        {
            return Result<PaymentOutcome>.Fail(ErrorCode.NotFound, $"Payment {notification.PaymentId} does not exist.", "paymentId");
        }

        var payment = State.Payments[index].Payment;
        if (payment.Status != PaymentStatus.Pending)
        {
            return Outcome(payment);
        }

        if (!notification.Succeeded)
        {
            return await ApplyAsync(payment.Id, new PaymentGatewayResult(PaymentStatus.Declined, Message: notification.Message));
        }

        return await ApplyAsync(payment.Id, new PaymentGatewayResult(PaymentStatus.Captured, Message: notification.Message));
    }

    public async Task<Result<OrderDetails>> CancelAsync(string? reason)
    {
        if (State.Stage != OrderStage.Open)
        {
            return NotFound();
        }

        if (reason is { Length: > MaxNoteLength })
        {
            return Result<OrderDetails>.Fail(ErrorCode.InvalidInput, $"A reason is at most {MaxNoteLength} characters.", "reason");
        }

        await ExpireIfDueAsync();
        return State.Status switch
        {
            OrderStatus.PaymentPending => await CancelUnpaidAsync(reason ?? "Cancelled."),
            OrderStatus.Paid => await RefundPaidAsync(OrderStatus.Cancelled, reason ?? "Cancelled."),
            _ => InvalidTransition("cancelled"),
        };
    }

    public async Task<Result<OrderDetails>> ShipAsync(string trackingNumber)
    {
        if (State.Stage != OrderStage.Open)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(trackingNumber) || trackingNumber.Trim().Length > 100)
        {
            return Result<OrderDetails>.Fail(ErrorCode.InvalidInput, "A tracking number of 1 to 100 characters is required.", "trackingNumber");
        }

        if (State.Status != OrderStatus.Paid)
        {
            return InvalidTransition("shipped");
        }

        State.TrackingNumber = trackingNumber.Trim();
        return await MoveAsync(OrderStatus.Shipped, $"Tracking number {State.TrackingNumber}.");
    }

    public async Task<Result<OrderDetails>> DeliverAsync()
    {
        if (State.Stage != OrderStage.Open)
        {
            return NotFound();
        }

        return State.Status == OrderStatus.Shipped ? await MoveAsync(OrderStatus.Delivered, null) : InvalidTransition("delivered");
    }

    public async Task<Result<OrderDetails>> RefundAsync(string reason)
    {
        if (State.Stage != OrderStage.Open)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxNoteLength)
        {
            return Result<OrderDetails>.Fail(ErrorCode.InvalidInput, $"A reason of 1 to {MaxNoteLength} characters is required.", "reason");
        }

        return State.Status is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Delivered
            ? await RefundPaidAsync(OrderStatus.Refunded, reason)
            : InvalidTransition("refunded");
    }

    public Task<OrderDetails?> GetAsync() => Task.FromResult(State.Stage == OrderStage.Open ? Details() : null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        if (HasUnfinishedStep)
        {
            await ContinueAsync();
        }

        await ExpireIfDueAsync();
        if (!NeedsReminder)
        {
            await StopReminderAsync();
        }
        else if (State.Status == OrderStatus.PaymentPending && State.ReservationExpiresAt is { } deadline && deadline > Now)
        {
            // A tick a little before the deadline by this grain's clock (a timer waking early, another silo's clock) would
            // otherwise leave the order holding its stock for a whole reminder period more.
            reminder = await this.RegisterOrUpdateReminder(ReminderName, deadline - Now, settings.ReminderPeriod);
        }
    }

    private async Task ContinueAsync()
    {
        switch (State.Stage)
        {
            case OrderStage.Reserving:
                await ReserveLinesAsync();
                break;
            case OrderStage.Rejecting:
                await FinishRejectionAsync();
                break;
            case OrderStage.Open when State.PendingStock != StockStep.None:
                await RunStockStepAsync();
                break;
        }
    }

    /// <summary>
    /// Reserves line by line; the first line that cannot be reserved rejects the checkout. <paramref name="expiresAt"/>
    /// is the first tick of the reminder registered for this checkout; without it (a resumed saga) the reservation gets
    /// the full timeout from now and the reminder is moved to match.
    /// </summary>
    private async Task ReserveLinesAsync(DateTimeOffset? expiresAt = null)
    {
        foreach (var line in State.Lines)
        {
            var reserved = await Stock(line).ReserveAsync(ReservationKey, line.Quantity);
            if (!reserved.Succeeded)
            {
                var error = reserved.Error!;
                State.CheckoutErrors = [new UserError(error.Code == ErrorCode.OutOfStock ? ErrorCode.OutOfStock : ErrorCode.ProductUnavailable, $"{line.Name}: {error.Message}", null)];
                State.Stage = OrderStage.Rejecting;
                await order.SaveAsync();
                await FinishRejectionAsync();
                return;
            }
        }

        // Numbered only once placed, so a rejected checkout leaves no gap in the order numbers (a crash right here can).
        if (State.Number.Length == 0)
        {
            State.Number = await GrainFactory.GetGrain<IOrderNumberGrain>(WellKnownKeys.OrderNumbers).NextAsync();
        }

        var now = Now;
        State.Stage = OrderStage.Open;
        State.Status = OrderStatus.PaymentPending;
        State.ReservationExpiresAt = expiresAt ?? now + settings.ReservationTimeout;
        State.History.Add(new OrderStatusChange(OrderStatus.PaymentPending, now, "Order placed; stock reserved."));
        await order.SaveAsync();
        await events!.RunAsync();

        // Tick when the reservation runs out rather than a little before it.
        if (expiresAt is null)
        {
            reminder = await this.RegisterOrUpdateReminder(ReminderName, settings.ReservationTimeout, settings.ReminderPeriod);
        }

        await UpdateCustomerListAsync();
    }

    private async Task FinishRejectionAsync()
    {
        // Release every line, reserved or not: a release is remembered, so a late reservation for this order is refused.
        foreach (var line in State.Lines)
        {
            await Stock(line).ReleaseAsync(ReservationKey);
        }

        State.Stage = OrderStage.Rejected;
        await order.SaveAsync();
        await StopReminderAsync();
    }

    private async Task RunStockStepAsync()
    {
        await ApplyStockStepAsync();
        await FinishStockStepAsync();
    }

    /// <summary>Asks every line's stock grain to take the pending step; throws if one cannot or could not be reached.</summary>
    private async Task ApplyStockStepAsync()
    {
        foreach (var line in State.Lines)
        {
            var stock = Stock(line);
            var done = State.PendingStock switch
            {
                StockStep.Release => await stock.ReleaseAsync(ReservationKey),
                StockStep.Confirm => await stock.ConfirmAsync(ReservationKey),
                _ => await stock.ReturnAsync(ReservationKey, line.Quantity),
            };
            if (!done.Succeeded)
            {
                throw new InvalidOperationException($"Order {Id} could not {State.PendingStock} the stock of product {line.ProductId}: {done.Error!.Message}");
            }
        }
    }

    private async Task FinishStockStepAsync()
    {
        State.PendingStock = StockStep.None;
        await order.SaveAsync();
        if (!NeedsReminder)
        {
            await StopReminderAsync();
        }
    }

    private void RetryStepSoon() =>
        stepRetry ??= this.RegisterGrainTimer(RetryStepAsync, new GrainTimerCreationOptions(StepRetryDelay, StepRetryDelay) { KeepAlive = true });

    private async Task RetryStepAsync()
    {
        if (HasUnfinishedStep)
        {
            try
            {
                await ContinueAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogResumeFailed(e, Id);
                return;
            }
        }

        stepRetry?.Dispose();
        stepRetry = null;
    }

    private async Task ExpireIfDueAsync()
    {
        if (State.Stage == OrderStage.Open && State.Status == OrderStatus.PaymentPending && Now >= State.ReservationExpiresAt)
        {
            await CancelUnpaidAsync("Reservation expired before payment.");
        }
    }

    private async Task<Result<OrderDetails>> CancelUnpaidAsync(string note)
    {
        State.PendingStock = StockStep.Release;
        return await MoveAsync(OrderStatus.Cancelled, note);
    }

    private async Task<Result<OrderDetails>> RefundPaidAsync(OrderStatus target, string note)
    {
        for (var i = 0; i < State.Payments.Count; i++)
        {
            if (State.Payments[i].Payment.Status is not (PaymentStatus.Captured or PaymentStatus.Authorized))
            {
                continue;
            }

            var refunded = await RefundPaymentAsync(State.Payments[i].Payment, note);
            Replace(refunded);
            if (refunded.Status != PaymentStatus.Refunded)
            {
                await order.SaveAsync();
                return Result<OrderDetails>.Fail(ErrorCode.PaymentFailed, $"The refund of payment {refunded.Id} failed: {refunded.Message}", "orderId");
            }
        }

        // Paid but not shipped: the goods are still here, so they go back on hand.
        if (State.Status == OrderStatus.Paid)
        {
            reminder = await this.RegisterOrUpdateReminder(ReminderName, settings.ReminderPeriod, settings.ReminderPeriod);
            State.PendingStock = StockStep.Return;
        }

        return await MoveAsync(target, note);
    }

    private async Task<Payment> RefundPaymentAsync(Payment payment, string reason)
    {
        PaymentGatewayResult answer;
        try
        {
            answer = await gateway.RefundAsync(new PaymentRefund(Id, payment.Id, payment.Amount, reason, $"refund:{payment.Id}"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogGatewayFailed(e, Id, payment.Id);
            answer = new PaymentGatewayResult(PaymentStatus.Failed, Message: "The payment provider could not be reached.");
        }

        return answer.Status == PaymentStatus.Refunded
            ? payment with { Status = PaymentStatus.Refunded, Message = answer.Message }
            : payment with { Message = answer.Message ?? "The refund was refused." };
    }

    private async Task<Result<PaymentOutcome>> ChargeAsync(Payment payment, string? cardToken, string idempotencyKey)
    {
        PaymentGatewayResult answer;
        try
        {
            answer = await gateway.ChargeAsync(new PaymentCharge(Id, State.Number, payment.Id, payment.Method, payment.Amount, cardToken, idempotencyKey));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogGatewayFailed(e, Id, payment.Id);
            answer = new PaymentGatewayResult(PaymentStatus.Failed, Message: "The payment provider could not be reached.");
        }

        return await ApplyAsync(payment.Id, answer);
    }

    private async Task<Result<PaymentOutcome>> ApplyAsync(string paymentId, PaymentGatewayResult answer)
    {
        var index = State.Payments.FindIndex(p => p.Payment.Id == paymentId);
        var payment = State.Payments[index].Payment with
        {
            Status = answer.Status is PaymentStatus.Captured or PaymentStatus.Authorized or PaymentStatus.Pending or PaymentStatus.Declined
                ? answer.Status
                : PaymentStatus.Failed,
            CardBrand = answer.CardBrand,
            CardLast4 = LastFour(answer.CardLast4),
            RedirectUrl = answer.RedirectUrl,
            Message = answer.Message,
        };
        if (payment.Status is PaymentStatus.Captured or PaymentStatus.Authorized && State.Status != OrderStatus.PaymentPending)
        {
            // Money arrived for an order that can no longer take it (expired, cancelled, or paid another way): give it back.
            payment = await RefundPaymentAsync(payment, "The order was no longer payable.");
            Replace(payment);
            await order.SaveAsync();
            return Result<PaymentOutcome>.Fail(
                new PaymentOutcome(Details(), payment),
                UserError.For(ErrorCode.InvalidState, $"Order {State.Number} is {State.Status}; the payment was refunded.", "orderId"));
        }

        Replace(payment);
        if (payment.Status is PaymentStatus.Captured or PaymentStatus.Authorized)
        {
            State.PendingStock = StockStep.Confirm;
            await MoveAsync(OrderStatus.Paid, $"Payment {payment.Id} {payment.Status.ToString().ToLowerInvariant()}.");
        }
        else
        {
            await order.SaveAsync();
        }

        return Outcome(payment);
    }

    /// <summary>Records the new status, saves, then carries out the stock step decided with it.</summary>
    private async Task<Result<OrderDetails>> MoveAsync(OrderStatus status, string? note)
    {
        State.Status = status;
        if (status != OrderStatus.PaymentPending)
        {
            State.ReservationExpiresAt = null;
        }

        State.History.Add(new OrderStatusChange(status, Now, note));
        await order.SaveAsync();
        await events!.RunAsync();
        if (State.PendingStock != StockStep.None)
        {
            // The move is saved: its caller is answered with it even if a stock grain cannot be reached right now (its
            // silo just died, say). The step stays recorded and runs again shortly, so no reservation is left hanging.
            // A failure to save this order's own state is not caught: that one must surface.
            var applied = false;
            try
            {
                await ApplyStockStepAsync();
                applied = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogResumeFailed(e, Id);
                RetryStepSoon();
            }

            if (applied)
            {
                await FinishStockStepAsync();
            }
        }
        else if (!NeedsReminder)
        {
            await StopReminderAsync();
        }

        await UpdateCustomerListAsync();
        return Result<OrderDetails>.Ok(Details());
    }

    /// <summary>
    /// Publishes the changes in <see cref="OrderState.History"/> not yet published, oldest first, each once it is
    /// acknowledged by the stream provider (durably queued, on a durable provider). The admin order list, the live
    /// subscriptions and the notification outbox read them there.
    /// </summary>
    private async Task PublishEventsAsync()
    {
        var stream = this.GetStreamProvider(DomainEvents.Provider).GetStream<OrderEvent>(DomainEvents.ForOrder(Id));
        while (State.PublishedSequence < State.History.Count)
        {
            var next = State.PublishedSequence + 1;
            await stream.OnNextAsync(new OrderEvent(DetailsAt(next)));
            State.PublishedSequence = next;
        }
    }

    /// <summary>Publishes what a crashed process may not have, and stores that it did, so the next activation does not repeat it.</summary>
    private async Task CatchUpEventsAsync()
    {
        if (State.PublishedSequence >= State.History.Count)
        {
            return;
        }

        await events!.RunAsync();
        if (!events.Pending)
        {
            try
            {
                await order.SaveAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Only the record of having published is lost: the next activation publishes the same events again.
                LogPublishedMarkNotSaved(e, Id);
            }
        }
    }

    /// <summary>Tells the customer's order list (read by "my orders" right after checkout); it may lag if this fails, the order itself does not.</summary>
    private async Task UpdateCustomerListAsync()
    {
        if (State.CustomerId is null)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<ICustomerOrdersGrain>(State.CustomerId).RecordAsync(Summary());
        }
        catch (Exception e)
        {
            LogPublishFailed(e, Id);
        }
    }

    private async Task ClearCartAsync()
    {
        try
        {
            await GrainFactory.GetGrain<ICartGrain>(State.CartId).ClearAsync();
        }
        catch (Exception e)
        {
            // The order stands; a cart that still shows its lines is an annoyance, not a loss.
            LogCartClearFailed(e, Id);
        }
    }

    private async Task StopReminderAsync()
    {
        // Unregistering reads the row's current version itself, so the handle only has to name the reminder.
        if ((reminder ?? await this.GetReminder(ReminderName)) is { } registered)
        {
            await this.UnregisterReminder(registered);
            reminder = null;
        }
    }

    private List<UserError> CheckCheckout(CheckoutRequest request)
    {
        var errors = new List<UserError>();
        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > MaxIdempotencyKeyLength)
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, $"An idempotency key of 1 to {MaxIdempotencyKeyLength} characters is required.", "idempotencyKey"));
        }
        else if (string.IsNullOrWhiteSpace(request.CartId))
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, "A cart id is required.", "cartId"));
        }
        else if (OrderIds.ForCheckout(request.CartId, request.IdempotencyKey) != Id)
        {
            // Only the derived id makes retries land here; any other id would let one key place two orders.
            errors.Add(UserError.For(ErrorCode.InvalidInput, $"Order {Id} is not the order of this cart and idempotency key.", "idempotencyKey"));
        }

        if (request.CustomerId is { } customerId && string.IsNullOrWhiteSpace(customerId))
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, "A customer id, when given, must not be blank.", "customerId"));
        }

        if (!EmailAddress.IsValid(request.Email?.Trim()))
        {
            errors.Add(UserError.For(ErrorCode.InvalidInput, "Enter a valid email address.", "email"));
        }

        errors.AddRange(AddressRules.Check(request.ShippingAddress, "shippingAddress"));
        return errors;
    }

    private Result<OrderDetails> CheckoutResult() =>
        State.Stage == OrderStage.Open ? Result<OrderDetails>.Ok(Details()) : Result<OrderDetails>.Fail(State.CheckoutErrors);

    private Result<PaymentOutcome> Outcome(Payment payment)
    {
        var outcome = new PaymentOutcome(Details(), payment);
        return payment.Status switch
        {
            PaymentStatus.Declined => Result<PaymentOutcome>.Fail(outcome, UserError.For(ErrorCode.PaymentDeclined, payment.Message ?? "The payment was declined.", "method")),
            PaymentStatus.Failed => Result<PaymentOutcome>.Fail(outcome, UserError.For(ErrorCode.PaymentFailed, payment.Message ?? "The payment failed.", "method")),
            _ => Result<PaymentOutcome>.Ok(outcome),
        };
    }

    private void Replace(Payment payment)
    {
        var index = State.Payments.FindIndex(p => p.Payment.Id == payment.Id);
        State.Payments[index] = State.Payments[index] with { Payment = payment };
    }

    private IProductStockGrain Stock(OrderLine line) => GrainFactory.GetGrain<IProductStockGrain>(line.ProductId);

    private OrderDetails Details() => new(
        Id,
        State.Number,
        State.CustomerId,
        State.Email,
        [.. State.Lines],
        State.Subtotal,
        State.Shipping,
        State.Total,
        State.ShippingAddress!,
        State.Status,
        [.. State.History],
        [.. State.Payments.Select(p => p.Payment)],
        State.TrackingNumber,
        State.PlacedAt,
        State.ReservationExpiresAt);

    /// <summary>
    /// The order as of its <paramref name="sequence"/>-th status change. The latest is the order as it is; an earlier one,
    /// published late (after a crash or while the queue was down), is the order as it is now with the status and history
    /// of then, which is what a consumer of that change needs.
    /// </summary>
    private OrderDetails DetailsAt(int sequence)
    {
        var now = Details();
        return sequence == State.History.Count
            ? now
            : now with { Status = State.History[sequence - 1].Status, History = [.. State.History.Take(sequence)] };
    }

    private OrderSummary Summary() =>
        new(Id, State.Number, State.Status, State.Total, State.PlacedAt, [.. State.Lines.Select(l => l.ProductId).Distinct()]);

    private Result<OrderDetails> NotFound() => Result<OrderDetails>.Fail(ErrorCode.NotFound, $"Order {Id} does not exist.", "orderId");

    private Result<OrderDetails> InvalidTransition(string wanted) =>
        Result<OrderDetails>.Fail(ErrorCode.InvalidState, $"Order {State.Number} is {State.Status} and cannot be {wanted}.", "orderId");

    /// <summary>Keeps at most the last four digits, whatever the provider sends.</summary>
    private static string? LastFour(string? digits) =>
        digits is null ? null : new string([.. digits.Where(char.IsAsciiDigit).TakeLast(4)]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} could not finish a stock step of its saga (reserve, release, confirm or return); it retries every few seconds and on its reminder")]
    private partial void LogResumeFailed(Exception exception, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: the payment gateway failed for payment {PaymentId}")]
    private partial void LogGatewayFailed(Exception exception, string orderId, string paymentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: the customer's order list could not be updated")]
    private partial void LogPublishFailed(Exception exception, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: its events were published again after activation, but that could not be stored; the next activation publishes them once more")]
    private partial void LogPublishedMarkNotSaved(Exception exception, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: the cart could not be cleared after checkout")]
    private partial void LogCartClearFailed(Exception exception, string orderId);
}
