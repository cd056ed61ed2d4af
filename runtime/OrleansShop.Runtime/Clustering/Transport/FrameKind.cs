namespace OrleansShop.Runtime.Clustering.Transport;

/// <summary>
/// A frame on a silo-to-silo connection: <c>[int32 length][byte kind][int64 correlation id][body]</c>, big-endian,
/// where the length counts everything after itself.
/// </summary>
internal enum FrameKind : byte
{
    Request = 1,
    OneWayRequest = 2,
    Response = 3,
    Failure = 4,

    /// <summary>One-way: stream messages for this silo's subscribers (Streams/ClusterStreamRouter); id unused.</summary>
    StreamBatch = 5,
}
