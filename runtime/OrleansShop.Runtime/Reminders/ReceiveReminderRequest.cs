using System.Reflection;
using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime.Reminders;

/// <summary>The IRemindable.ReceiveReminder call, written by hand: the abstractions assembly has no generated code.</summary>
internal sealed class ReceiveReminderRequest : GrainRequest<Unit>
{
    private static readonly MethodInfo Method = typeof(IRemindable).GetMethod(nameof(IRemindable.ReceiveReminder))!;

    private readonly string reminderName;
    private readonly TickStatus status;

    public ReceiveReminderRequest(string reminderName, TickStatus status)
    {
        this.reminderName = reminderName;
        this.status = status;
    }

    public override Type InterfaceType => typeof(IRemindable);

    public override string MethodName => nameof(IRemindable.ReceiveReminder);

    public override MethodInfo InterfaceMethod => Method;

    public override GrainRequestFlags Flags => GrainRequestFlags.None;

    public override int ArgumentCount => 2;

    public override object? GetArgument(int index) => index switch
    {
        0 => reminderName,
        1 => status,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "ReceiveReminder has 2 arguments."),
    };

    public override async ValueTask<Unit> InvokeAsync(object grain)
    {
        if (grain is not IRemindable remindable)
        {
            throw new InvalidOperationException($"Grain {grain.GetType().Name} has reminders but does not implement IRemindable.");
        }

        await remindable.ReceiveReminder(reminderName, status).ConfigureAwait(true);
        return Unit.Value;
    }
}
