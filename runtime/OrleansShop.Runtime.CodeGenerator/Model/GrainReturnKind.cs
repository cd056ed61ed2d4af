namespace OrleansShop.Runtime.CodeGenerator.Model;

internal enum GrainReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
