using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Serialization;
using OrleansShop.Runtime.Sql;
using OrleansShop.Runtime.Sql.Hosting;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.Hosting;

/// <summary>
/// Registers SQL grain storage and the SQL reminder table on a silo:
/// <c>silo.AddSqliteGrainStorage("Default").UseSqliteReminders()</c>, or
/// <c>silo.AddPostgresGrainStorage("Default", o => o.ConnectionString = ...)</c>. Options bind as named options
/// (the provider name; <see cref="ReminderOptionsName"/> for reminders), are validated when the host starts, and
/// the schema is migrated then too unless <see cref="SqlStorageOptions.MigrateSchemaOnStartup"/> is off.
/// State JSON also gets the silo's grain reference converters, so references stored in state come back working.
/// </summary>
public static class SqlSiloBuilderExtensions
{
    /// <summary>The options name the reminder table's options are registered under.</summary>
    public const string ReminderOptionsName = "OrleansShop.Reminders";

    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder silo, string name, Action<SqliteStorageOptions>? configure = null) =>
        silo.AddSqlGrainStorage(name, configure, (n, o, sp) => SqlGrainStorage.CreateSqlite(n, o, Logging(sp), GrainConverters(sp)));

    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder silo, string name, Action<PostgresStorageOptions> configure) =>
        silo.AddSqlGrainStorage(name, configure, (n, o, sp) => SqlGrainStorage.CreatePostgres(n, o, Logging(sp), GrainConverters(sp)));

    /// <summary>SQL Server: not verified against a server.</summary>
    public static ISiloBuilder AddSqlServerGrainStorage(this ISiloBuilder silo, string name, Action<SqlServerStorageOptions> configure) =>
        silo.AddSqlGrainStorage(name, configure, (n, o, sp) => SqlGrainStorage.CreateSqlServer(n, o, Logging(sp), GrainConverters(sp)));

    public static ISiloBuilder UseSqliteReminders(this ISiloBuilder silo, Action<SqliteStorageOptions>? configure = null) =>
        silo.UseSqlReminders(configure, (o, sp) => SqlReminderTable.CreateSqlite(o, Logging(sp)));

    public static ISiloBuilder UsePostgresReminders(this ISiloBuilder silo, Action<PostgresStorageOptions> configure) =>
        silo.UseSqlReminders(configure, (o, sp) => SqlReminderTable.CreatePostgres(o, Logging(sp)));

    /// <summary>SQL Server: not verified against a server.</summary>
    public static ISiloBuilder UseSqlServerReminders(this ISiloBuilder silo, Action<SqlServerStorageOptions> configure) =>
        silo.UseSqlReminders(configure, (o, sp) => SqlReminderTable.CreateSqlServer(o, Logging(sp)));

    private static ISiloBuilder AddSqlGrainStorage<TOptions>(
        this ISiloBuilder silo, string name, Action<TOptions>? configure, Func<string, TOptions, IServiceProvider, SqlGrainStorage> create)
        where TOptions : SqlStorageOptions
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        AddValidatedOptions(silo.Services, name, configure);
        silo.Services.AddKeyedSingleton(name, (sp, _) => create(name, sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name), sp));
        silo.AddGrainStorage(name, sp => sp.GetRequiredKeyedService<SqlGrainStorage>(name));
        silo.Services.AddSingleton<IHostedService>(sp => new SqlStorageInitializer(
            ct => sp.GetRequiredKeyedService<SqlGrainStorage>(name).InitializeAsync(ct)));
        return silo;
    }

    private static ISiloBuilder UseSqlReminders<TOptions>(
        this ISiloBuilder silo, Action<TOptions>? configure, Func<TOptions, IServiceProvider, SqlReminderTable> create)
        where TOptions : SqlStorageOptions
    {
        ArgumentNullException.ThrowIfNull(silo);
        AddValidatedOptions(silo.Services, ReminderOptionsName, configure);
        silo.Services.RemoveAll<SqlReminderTable>();
        silo.Services.AddSingleton(sp => create(sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(ReminderOptionsName), sp));
        silo.UseReminderTable(sp => sp.GetRequiredService<SqlReminderTable>());
        silo.Services.AddSingleton<IHostedService>(sp => new SqlStorageInitializer(
            ct => sp.GetService<IReminderTable>() is SqlReminderTable table ? table.InitializeAsync(ct) : Task.CompletedTask));
        return silo;
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string name, Action<TOptions>? configure)
        where TOptions : SqlStorageOptions
    {
        var builder = services.AddOptions<TOptions>(name);
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, SqlStorageOptionsValidator<TOptions>>());
    }

    private static ILoggerFactory? Logging(IServiceProvider services) => services.GetService<ILoggerFactory>();

    private static IReadOnlyList<System.Text.Json.Serialization.JsonConverter> GrainConverters(IServiceProvider services) =>
        services.GetService<GrainJsonSerializer>()?.Options.Converters.ToArray() ?? [];
}
