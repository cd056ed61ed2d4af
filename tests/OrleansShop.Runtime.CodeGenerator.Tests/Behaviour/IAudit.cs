namespace OrleansShop.Runtime.CodeGenerator.Tests.Behaviour;

/// <summary>Not a grain interface: its methods become grain methods of the grain interfaces that inherit it.</summary>
public interface IAudit
{
    Task<int> AuditCountAsync();
}
