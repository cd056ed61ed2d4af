namespace OrleansShop.Runtime.Activations;

internal enum DeliveryOutcome
{
    /// <summary>Admitted or queued; the activation will run it.</summary>
    Accepted,

    /// <summary>The target is gone (deactivated): look it up again.</summary>
    Refused,
}
