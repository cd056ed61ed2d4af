// A silo in its own process for restart tests: grain state and reminders on SQLite in --data (or grain state on
// PostgreSQL with --postgres), driven over stdin/stdout one line at a time so a test can kill it at any point.
//
//   OrleansShop.Runtime.TestHost --data <dir> [--postgres <connection string>] [--service-id <id>]
//                                [--cluster <cluster id>] [--lease-ms <ms>]
//
// Requests:  append <key> <entry> | read <key> | remind <key> <reminder> <period ms> | whoami | exit
// Replies:   ready (once started) | ok [result] | error <message>; unasked lines start with "event ".
// When the silo stops by itself (clustering: declared dead, or its lease ran out) it prints "event stopping" and exits
// with a non-zero code.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansShop.Runtime;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.TestHost;

var options = HostArguments.Parse(args);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
// Standard output carries the protocol: every log line goes to standard error.
builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.UseSilo(silo =>
{
    silo.AddGrains(typeof(JournalGrain).Assembly)
        .UseSqliteReminders(o => o.DataDirectory = options.DataDirectory)
        .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100));
    if (options.PostgresConnectionString is { } postgres)
    {
        silo.AddPostgresGrainStorage("Default", o =>
        {
            o.ConnectionString = postgres;
            o.ServiceId = options.ServiceId;
        });
    }
    else
    {
        silo.AddSqliteGrainStorage("Default", o =>
        {
            o.DataDirectory = options.DataDirectory;
            o.ServiceId = options.ServiceId;
        });
    }

    if (options.ClusterId is { } clusterId)
    {
        void Membership(ClusterMembershipOptions o)
        {
            o.ClusterId = clusterId;
            o.SiloPort = 0;
            if (options.LeaseMilliseconds is { } lease)
            {
                o.LeaseDuration = TimeSpan.FromMilliseconds(lease);
                o.IAmAliveInterval = TimeSpan.FromMilliseconds(lease / 4);
            }
        }

        if (options.PostgresConnectionString is { } membershipDatabase)
        {
            silo.UsePostgresClustering(o => o.ConnectionString = membershipDatabase, Membership);
        }
        else
        {
            silo.UseSqliteClustering(o => o.DataDirectory = options.DataDirectory, Membership);
        }
    }
});

using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();
var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
var stoppedBySilo = true;
lifetime.ApplicationStopping.Register(() =>
{
    if (stoppedBySilo)
    {
        HostConsole.WriteLine("event stopping");
    }
});
HostConsole.WriteLine("ready");
var shutdown = host.WaitForShutdownAsync();
var commands = Task.Run(ServeCommandsAsync);
if (await Task.WhenAny(shutdown, commands) == commands)
{
    stoppedBySilo = false;
    lifetime.StopApplication();
}

await shutdown;
return Environment.ExitCode;

async Task ServeCommandsAsync()
{
    while (Console.In.ReadLine() is { } line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["exit"])
        {
            break;
        }

        try
        {
            var reply = parts switch
            {
                ["append", var key, var entry] => (await grains.GetGrain<IJournalGrain>(key).AppendAsync(entry)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["read", var key] => string.Join(',', await grains.GetGrain<IJournalGrain>(key).ReadAsync()),
                ["whoami"] => host.Services.GetRequiredService<IClusterMembership>().LocalSilo.ToString(),
                ["remind", var key, var name, var period] => await RemindAsync(grains.GetGrain<IJournalGrain>(key), name, int.Parse(period, System.Globalization.CultureInfo.InvariantCulture)),
                _ => throw new FormatException($"Unknown request '{line}'."),
            };
            HostConsole.WriteLine(reply.Length == 0 ? "ok" : "ok " + reply);
        }
        catch (Exception exception)
        {
            HostConsole.WriteLine("error " + exception.GetType().Name + ": " + exception.Message.ReplaceLineEndings(" "));
        }
    }
    }

    static async Task<string> RemindAsync(IJournalGrain grain, string name, int periodMilliseconds)
    {
        await grain.RemindAsync(name, periodMilliseconds);
        return "";
}
