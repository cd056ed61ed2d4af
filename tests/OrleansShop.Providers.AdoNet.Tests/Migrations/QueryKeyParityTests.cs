using System.Reflection;
using System.Text.RegularExpressions;
using Orleans.Configuration;
using Orleans.Storage;
using OrleansShop.Providers.AdoNet.Tests.Support;

namespace OrleansShop.Providers.AdoNet.Tests.Migrations;

/// <summary>
/// The scripts against what the Orleans 10.4.2 provider assemblies in use here ask for, read from those assemblies
/// themselves: a key missing from OrleansQuery fails the provider at silo start, and a parameter the provider does
/// not bind fails the statement at run time. SQL Server cannot run here, so these checks are its main guard.
/// </summary>
public sealed class QueryKeyParityTests
{
    // The parameters AdoNetGrainStorage binds on every statement (it names them as literals, not through a class).
    private static readonly string[] s_persistenceParameters =
    [
        "GrainIdHash", "GrainIdN0", "GrainIdN1", "GrainTypeHash", "GrainTypeString", "GrainIdExtensionString",
        "ServiceId", "GrainStateVersion", "PayloadBinary",
    ];

    public static TheoryData<AdoNetDialect> Dialects => new(AdoNetDialect.PostgreSql, AdoNetDialect.SqlServer);

    [Fact]
    public void PostgreSql_and_SqlServer_scripts_insert_the_same_query_keys_in_the_same_script_versions()
    {
        var postgres = OrleansQueryScripts.For(AdoNetDialect.PostgreSql).ToDictionary(q => q.Key, q => q.Value.Version);
        var sqlServer = OrleansQueryScripts.For(AdoNetDialect.SqlServer).ToDictionary(q => q.Key, q => q.Value.Version);

        Assert.Equal(postgres.OrderBy(q => q.Key), sqlServer.OrderBy(q => q.Key));
        Assert.Equal(SchemaScriptCatalog.For(AdoNetDialect.PostgreSql).Select(s => (s.Version, s.Name)),
            SchemaScriptCatalog.For(AdoNetDialect.SqlServer).Select(s => (s.Version, s.Name)));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Scripts_insert_exactly_the_query_keys_the_Orleans_providers_require(AdoNetDialect dialect)
    {
        var required = ClusteringKeys().Concat(ReminderKeys()).Concat(PersistenceKeys()).Concat(StreamingKeys()).Order(StringComparer.Ordinal);

        Assert.Equal(required, OrleansQueryScripts.For(dialect).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Every_statement_reads_only_parameters_its_provider_binds(AdoNetDialect dialect)
    {
        var persistenceKeys = PersistenceKeys().ToHashSet(StringComparer.Ordinal);
        var bound = ColumnParameters(typeof(AdoNetClusteringSiloOptions).Assembly, "Orleans.Clustering.AdoNet.Storage.DbStoredQueries+Columns")
            .Concat(ColumnParameters(typeof(AdoNetReminderTableOptions).Assembly, "Orleans.Reminders.AdoNet.Storage.DbStoredQueries+Columns"))
            .Concat(ColumnParameters(typeof(AdoNetStreamOptions).Assembly, "Orleans.Streaming.AdoNet.Storage.DbStoredQueries+Columns"))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var (key, (_, text)) in OrleansQueryScripts.For(dialect))
        {
            var allowed = persistenceKeys.Contains(key) ? s_persistenceParameters.ToHashSet(StringComparer.Ordinal) : bound;
            var unbound = OrleansQueryScripts.Parameters(text).Except(allowed).ToList();
            Assert.True(unbound.Count == 0, $"{dialect} {key} reads parameters Orleans does not bind: {string.Join(", ", unbound)}");
        }
    }

    [Fact]
    public void The_catalog_numbers_each_dialects_scripts_one_to_five()
    {
        foreach (var dialect in new[] { AdoNetDialect.PostgreSql, AdoNetDialect.SqlServer })
        {
            Assert.Equal(["orleans_query", "persistence", "clustering", "reminders", "streaming"], SchemaScriptCatalog.For(dialect).Select(s => s.Name));
            Assert.Equal(5, AdoNetSchemaMigrator.For(dialect, "unused").LatestVersion);
        }
    }

    // DbStoredQueries checks at start-up that OrleansQuery holds one row per non-public instance property.
    private static IEnumerable<string> ClusteringKeys() =>
        StoredQueryKeys(typeof(AdoNetClusteringSiloOptions).Assembly, "Orleans.Clustering.AdoNet.Storage.DbStoredQueries");

    private static IEnumerable<string> ReminderKeys() =>
        StoredQueryKeys(typeof(AdoNetReminderTableOptions).Assembly, "Orleans.Reminders.AdoNet.Storage.DbStoredQueries");

    private static IEnumerable<string> StreamingKeys() =>
        StoredQueryKeys(typeof(AdoNetStreamOptions).Assembly, "Orleans.Streaming.AdoNet.Storage.DbStoredQueries");

    // The grain storage reads its statements with a query that names them.
    private static IEnumerable<string> PersistenceKeys() =>
        Regex.Matches(AdoNetGrainStorage.DefaultInitializationQuery, @"QueryKey = '(\w+)'").Select(m => m.Groups[1].Value);

    private static IEnumerable<string> StoredQueryKeys(Assembly assembly, string typeName)
    {
        var type = assembly.GetType(typeName, throwOnError: true)!;
        var keys = type.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(p => p.Name).ToList();
        Assert.NotEmpty(keys);
        return keys;
    }

    // DbStoredQueries.Columns has one property per parameter name it binds (SiloAddress binds Address, Port and
    // Generation, which are properties too).
    private static IEnumerable<string> ColumnParameters(Assembly assembly, string typeName) =>
        assembly.GetType(typeName, throwOnError: true)!
            .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Select(p => p.Name);
}
