namespace OrleansShop.Runtime.Activations;

/// <summary>One queued turn: a work item's start (no callback) or a continuation posted to its context.</summary>
internal readonly record struct Turn(ActivationWork Work, SendOrPostCallback? Callback, object? State);
