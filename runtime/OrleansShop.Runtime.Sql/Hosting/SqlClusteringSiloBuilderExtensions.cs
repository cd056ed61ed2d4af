using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Sql;
using OrleansShop.Runtime.Sql.Hosting;

namespace OrleansShop.Runtime.Hosting;

/// <summary>
/// Cluster membership in the shared SQL database: <c>silo.UseSqliteClustering(db => db.DataDirectory = ...)</c> for
/// several silo processes on one machine, <c>silo.UsePostgresClustering(db => db.ConnectionString = ...)</c> for a
/// real cluster. The database options bind as named options (<see cref="MembershipOptionsName"/>); the membership
/// options from <c>OrleansShop:Cluster</c>, then <c>configure</c>. The grain directory for grains placed by a
/// strategy other than hash placement (<see cref="SqlGrainDirectory"/>) lives in the same database.
/// </summary>
public static class SqlClusteringSiloBuilderExtensions
{
    /// <summary>The options name the membership table's database options are registered under.</summary>
    public const string MembershipOptionsName = "OrleansShop.Membership";

    public static ISiloBuilder UseSqliteClustering(
        this ISiloBuilder silo, Action<SqliteStorageOptions>? database = null, Action<ClusterMembershipOptions>? configure = null) =>
        silo.UseSqlClustering(
            database,
            configure,
            (id, o, sp) => SqlMembershipTable.CreateSqlite(id, o, sp.GetService<ILoggerFactory>()),
            (id, o, sp) => SqlGrainDirectory.CreateSqlite(id, o, sp.GetService<ILoggerFactory>()));

    public static ISiloBuilder UsePostgresClustering(
        this ISiloBuilder silo, Action<PostgresStorageOptions> database, Action<ClusterMembershipOptions>? configure = null) =>
        silo.UseSqlClustering(
            database,
            configure,
            (id, o, sp) => SqlMembershipTable.CreatePostgres(id, o, sp.GetService<ILoggerFactory>()),
            (id, o, sp) => SqlGrainDirectory.CreatePostgres(id, o, sp.GetService<ILoggerFactory>()));

    /// <summary>SQL Server: not verified against a server.</summary>
    public static ISiloBuilder UseSqlServerClustering(
        this ISiloBuilder silo, Action<SqlServerStorageOptions> database, Action<ClusterMembershipOptions>? configure = null) =>
        silo.UseSqlClustering(
            database,
            configure,
            (id, o, sp) => SqlMembershipTable.CreateSqlServer(id, o, sp.GetService<ILoggerFactory>()),
            (id, o, sp) => SqlGrainDirectory.CreateSqlServer(id, o, sp.GetService<ILoggerFactory>()));

    private static ISiloBuilder UseSqlClustering<TOptions>(
        this ISiloBuilder silo,
        Action<TOptions>? database,
        Action<ClusterMembershipOptions>? configure,
        Func<string, TOptions, IServiceProvider, SqlMembershipTable> create,
        Func<string, TOptions, IServiceProvider, SqlGrainDirectory> createDirectory)
        where TOptions : SqlStorageOptions
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = silo.Services.AddOptions<TOptions>(MembershipOptionsName);
        if (database is not null)
        {
            options.Configure(database);
        }

        options.ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, SqlStorageOptionsValidator<TOptions>>());
        silo.Services.RemoveAll<SqlMembershipTable>();
        silo.Services.AddSingleton(sp => create(
            sp.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value.ClusterId,
            sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(MembershipOptionsName),
            sp));
        silo.Services.RemoveAll<SqlGrainDirectory>();
        silo.Services.AddSingleton(sp => createDirectory(
            sp.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value.ClusterId,
            sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(MembershipOptionsName),
            sp));
        silo.UseGrainDirectory(sp => sp.GetRequiredService<SqlGrainDirectory>());
        return silo.UseClustering(sp => sp.GetRequiredService<SqlMembershipTable>(), configure);
    }
}
