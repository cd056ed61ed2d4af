using System.Diagnostics;

namespace OrleansShop.Runtime.Messaging;

/// <summary>
/// What a traced call carries besides its request: the caller's request context and the activity (the caller's
/// until the call starts, then the call's own). Allocated only while an activity listener is on.
/// </summary>
internal sealed class CallTrace(RequestContextData? requestContext, Activity? activity)
{
    public RequestContextData? RequestContext { get; } = requestContext;

    public Activity? Activity { get; set; } = activity;
}
