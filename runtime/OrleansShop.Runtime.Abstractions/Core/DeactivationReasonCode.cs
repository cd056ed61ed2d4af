namespace OrleansShop.Runtime;

/// <summary>Why an activation was deactivated (the same codes as Orleans).</summary>
public enum DeactivationReasonCode
{
    None,
    ShuttingDown,
    ActivationFailed,
    DirectoryFailure,
    ActivationIdle,
    ActivationUnresponsive,
    DuplicateActivation,
    IncompatibleRequest,
    ApplicationError,
    ApplicationRequested,
    Migrating,
    RuntimeRequested,
    HighMemoryPressure,
}
