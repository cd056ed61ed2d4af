using System.Data.Common;
using OrleansShop.Runtime.Sql.Execution;

namespace OrleansShop.Runtime.Sql.Tests.Support;

/// <summary>Produces unconnected commands, so statement texts and parameters can be inspected without a server.</summary>
internal sealed class TestCommandSource(Func<DbCommand> create) : SqlCommandSource
{
    public override DbCommand Command(string sql)
    {
        var command = create();
        command.CommandText = sql;
        return command;
    }
}
