using System.Data.Common;

namespace OrleansShop.Runtime.Sql.Execution;

/// <summary>Hands out commands on one open connection for the duration of one unit of work.</summary>
internal abstract class SqlCommandSource
{
    /// <summary>A command with <paramref name="sql"/> as its text and no parameters; owned by the source, not the caller.</summary>
    public abstract DbCommand Command(string sql);
}
