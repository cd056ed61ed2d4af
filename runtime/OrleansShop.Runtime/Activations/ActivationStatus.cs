namespace OrleansShop.Runtime.Activations;

internal enum ActivationStatus
{
    /// <summary>Reading state and running OnActivateAsync; calls wait.</summary>
    Activating,

    /// <summary>Taking calls.</summary>
    Valid,

    /// <summary>Waiting for running calls to finish, then running OnDeactivateAsync; new calls wait and then go to a new activation.</summary>
    Deactivating,

    /// <summary>Gone from the directory; deliveries are refused and retried elsewhere.</summary>
    Invalid,
}
