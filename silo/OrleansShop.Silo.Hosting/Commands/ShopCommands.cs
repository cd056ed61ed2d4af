using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using OrleansShop.Providers.AdoNet;
using OrleansShop.Silo.Hosting.Backups;

namespace OrleansShop.Silo.Hosting.Commands;

/// <summary>
/// The maintenance commands every host runs instead of itself when the first argument names one (<c>dotnet run
/// --project api/OrleansShop.Api -- backup --to DIR</c>): schema migration, backup and restore, and the stream dead
/// letters, on the storage the configuration names, read from the same sources as the host reads it (appsettings,
/// environment, command line). Exit codes: 0 done, 1 failed (with the reason on standard error, and nothing changed, but
/// for the dead letters a failed requeue already moved), 2 a wrong command line.
/// </summary>
public static class ShopCommands
{
    public const string BackupSection = ShopOptions.Section + ":Backup";

    public static bool IsCommand(IReadOnlyList<string> args) => ShopCommandLine.IsCommand(args);

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        output ??= Console.Out;
        error ??= Console.Error;
        ShopCommandLine command;
        try
        {
            command = ShopCommandLine.Parse(args);
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync(ShopCommandLine.Usage);
            return 2;
        }

        // The same configuration as the shop's, Key Vault included: in Azure the database's credentials may live there.
        var configuration = WebApplication.CreateBuilder(command.ConfigurationArguments).AddCommerceKeyVault().Configuration;
        var shop = configuration.GetSection(ShopOptions.Section).Get<ShopOptions>() ?? new ShopOptions();
        try
        {
            switch (command.Name)
            {
                case "migrate":
                    await MigrateAsync(shop, output, cancellationToken);
                    break;
                case DeadLetterCommand.Name:
                    await DeadLetterCommand.RunAsync(shop, command, output, cancellationToken);
                    break;
                case "backup":
                    await BackupAsync(shop, configuration, command.Values["--to"], output, cancellationToken);
                    break;
                default:
                    await RestoreAsync(shop, configuration, command.Values["--from"], command.Flags.Contains("--force"), output, cancellationToken);
                    break;
            }

            return 0;
        }
        catch (FormatException e)
        {
            // An option's value that only the command can read (dead-letters --dead-before).
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync(ShopCommandLine.Usage);
            return 2;
        }
        catch (Exception e) when (e is BackupException or InvalidOperationException)
        {
            // InvalidOperationException: the storage settings themselves are wrong (an unknown provider, no connection string).
            await error.WriteLineAsync($"{command.Name} failed: {e.Message}");
            return 1;
        }
    }

    private static async Task MigrateAsync(ShopOptions shop, TextWriter output, CancellationToken cancellationToken)
    {
        if (shop.Storage.AdoNetDialect is not { } dialect)
        {
            await output.WriteLineAsync($"SQLite ({shop.SqliteDatabasePath}): the providers create their tables on first use; nothing to migrate.");
            return;
        }

        var result = await AdoNetSchemaMigrator.For(dialect, shop.Storage.RequireConnectionString()).MigrateAsync(cancellationToken);
        await output.WriteLineAsync($"Schema at version {result.CurrentVersion} ({result.AppliedVersions.Count} script(s) applied).");
    }

    private static async Task BackupAsync(ShopOptions shop, IConfiguration configuration, string to, TextWriter output, CancellationToken cancellationToken)
    {
        switch (shop.Storage.Dialect)
        {
            case SqliteShopBackup.Storage:
                new SqliteShopBackup(shop.DataDirectory, shop.Cluster.ServiceId, output).Backup(to);
                break;
            case PostgresShopBackup.Storage:
                await Postgres(shop, configuration, output).BackupAsync(to, cancellationToken);
                break;
            default:
                throw NotForSqlServer();
        }
    }

    private static async Task RestoreAsync(ShopOptions shop, IConfiguration configuration, string from, bool force, TextWriter output, CancellationToken cancellationToken)
    {
        switch (shop.Storage.Dialect)
        {
            case SqliteShopBackup.Storage:
                new SqliteShopBackup(shop.DataDirectory, shop.Cluster.ServiceId, output).Restore(from, force);
                break;
            case PostgresShopBackup.Storage:
                await Postgres(shop, configuration, output).RestoreAsync(from, force, cancellationToken);
                break;
            default:
                throw NotForSqlServer();
        }
    }

    private static PostgresShopBackup Postgres(ShopOptions shop, IConfiguration configuration, TextWriter output) =>
        new(shop.Storage.RequireConnectionString(), configuration[BackupSection + ":PostgresBinDirectory"], shop.Cluster.ServiceId, output);

    private static BackupException NotForSqlServer() =>
        new("SQL Server storage is backed up by the server itself (BACKUP DATABASE; on Azure SQL, its automatic backups and "
            + "point-in-time restore); these commands cover SQLite and PostgreSQL.");
}
