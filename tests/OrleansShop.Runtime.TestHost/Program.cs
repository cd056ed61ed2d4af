// A silo in its own process for restart tests: grain state and reminders on SQLite in --data (or grain state on
// PostgreSQL with --postgres), driven over stdin/stdout one line at a time so a test can kill it at any point.
//
//   OrleansShop.Runtime.TestHost --data <dir> [--postgres <connection string>] [--service-id <id>]
//                                [--cluster <cluster id> [--client]] [--lease-ms <ms>]
//
// Requests:  append <key> <entry> | appendmany <key> <prefix> <count> (concurrently; answers the highest count)
//            | read <key> | remind <key> <reminder> <period ms> | exit
// Cluster:   whoami | waitactive <n> (until this silo sees exactly n active silos) | owner <key> | remotekey <n> <journal|ping> (a key whose grain another silo owns) | where <key> <trace>
//            | keyon <silo> <n> <journal|ping|chain> (a key whose grain that silo owns)
//            | chain <plain|reenter> <key> <key>... (each chain grain calls the next, waiting for it; answers the silos)
//            | recover <key> (calls until a call succeeds; answers the milliseconds it took)
//            | bench <remote|local> <grains> <seconds> [callers] (callers in flight, each cycling over its share of the grains; default one per grain)
// Streams:   subscribe <stream> (here, outside grains) | produce <stream> <prefix> <count> (from a grain on this silo; answers its silo)
//            | received <stream> <n> (once at least n arrived: all of them, in order) | count <stream> <n> (once at least n arrived: how many)
// Placement: placed <random|local> <key> | placedmany <random|local> <prefix> <n> | recoverplaced <random|local> <prefix> <n>
//            | placedbench <random|local> <prefix> <n> <seconds>
//            (see PlacementCommands)
// Replies:   ready (once started) | ok [result] | error <message>; unasked lines start with "event ".
// When the silo stops by itself (clustering: declared dead, or its lease ran out) it prints "event stopping" and exits
// with a non-zero code.
using Microsoft.Extensions.Configuration;
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
if (options.Client)
{
    // Through configuration, as a deployment selects it: the clustering call below stays the same.
    builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("OrleansShop:Cluster:Mode", "Client")]);
}

// Standard output carries the protocol: every log line goes to standard error.
builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.UseSilo(silo =>
{
    silo.AddGrains(typeof(JournalGrain).Assembly)
        .AddMemoryStreams(StreamRecorder.Provider)
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
var recorder = new StreamRecorder(host.Services);
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
                ["whoami"] => Membership().LocalSilo.ToString(),
            ["waitactive", var n] => await WaitActiveAsync(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)),
            ["owner", var key] => Membership().OwnerOf(JournalId(key))?.ToString() ?? "none",
            ["remotekey", var n, var kind] => RemoteKey(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), kind == "ping"),
            ["keyon", var silo, var n, var kind] => KeyOn(SiloAddress.Parse(silo), n, kind),
            ["chain", var mode, var first, .. var path] => await grains.GetGrain<IChainGrain>(first).CallAlongAsync(path, mode == "reenter"),
            ["appendmany", var key, var prefix, var count] => (await Task.WhenAll(Enumerable.Range(0, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture))
                .Select(i => grains.GetGrain<IJournalGrain>(key).AppendAsync(prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture))))).Max().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["where", var key, var trace] => await WhereAsync(key, trace),
            ["placed", var kind, var key] => await PlacementCommands.VisitAsync(grains, kind, key),
            ["placedmany", var kind, var prefix, var n] => await PlacementCommands.VisitManyAsync(grains, kind, prefix, int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)),
            ["placedbench", var kind, var prefix, var n, var seconds] => await PlacementCommands.BenchAsync(
                grains, kind, prefix, int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
            ["recoverplaced", var kind, var prefix, var n] => await PlacementCommands.RecoverManyAsync(grains, kind, prefix, int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)),
            ["recover", var key] => await RecoverAsync(key),
            ["bench", var mode, var count, var seconds] => await ClusterBench.RunAsync(
                grains, Membership(), mode == "remote", int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
            ["bench", var mode, var count, var seconds, var callers] => await ClusterBench.RunAsync(
                grains, Membership(), mode == "remote", int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(callers, System.Globalization.CultureInfo.InvariantCulture)),
            ["subscribe", var stream] => await SubscribeAsync(stream),
            ["produce", var stream, var prefix, var count] => await grains.GetGrain<IStreamProducerGrain>("producer")
                .ProduceAsync(stream, prefix, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)),
            ["received", var stream, var count] => await recorder.ReceivedAsync(stream, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)),
            ["count", var stream, var count] => await recorder.CountAsync(stream, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)),
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

    IClusterMembership Membership() => host.Services.GetRequiredService<IClusterMembership>();

GrainId JournalId(string key) => ((OrleansShop.Runtime.Invocation.GrainReference)grains.GetGrain<IJournalGrain>(key)).GrainId;

string RemoteKey(int n, bool ping)
{
    for (var i = 0; i < 10_000; i++)
    {
        var key = $"remote-{n}-{i}";
        var id = ping ? ((OrleansShop.Runtime.Invocation.GrainReference)grains.GetGrain<IPingGrain>(key)).GrainId : JournalId(key);
        if (Membership().OwnerOf(id) is { } owner && owner != Membership().LocalSilo)
        {
            return key;
        }
    }

    throw new InvalidOperationException("No other silo owns any key: is this silo alone?");
}

string KeyOn(SiloAddress silo, string n, string kind)
{
    for (var i = 0; i < 10_000; i++)
    {
        var key = $"{kind}-{n}-{i}";
        IAddressable grain = kind switch
        {
            "journal" => grains.GetGrain<IJournalGrain>(key),
            "ping" => grains.GetGrain<IPingGrain>(key),
            "chain" => grains.GetGrain<IChainGrain>(key),
            _ => throw new FormatException($"Unknown grain kind '{kind}'."),
        };
        if (Membership().OwnerOf(((OrleansShop.Runtime.Invocation.GrainReference)grain).GrainId) == silo)
        {
            return key;
        }
    }

    throw new InvalidOperationException($"Silo {silo} owns no key: is it active?");
}

async Task<string> WaitActiveAsync(int count)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    while (Membership().ActiveSilos.Count != count)
    {
        if (clock.Elapsed > TimeSpan.FromSeconds(25))
        {
            throw new TimeoutException($"Only {Membership().ActiveSilos.Count} silos are active.");
        }

        await Task.Delay(50);
    }

    return "";
}

async Task<string> WhereAsync(string key, string trace)
{
    RequestContext.Set("trace", trace);
    try
    {
        return await grains.GetGrain<IPingGrain>(key).WhereAsync();
    }
    finally
    {
        RequestContext.Clear();
    }
}

async Task<string> RecoverAsync(string key)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    while (true)
    {
        try
        {
            await grains.GetGrain<IJournalGrain>(key).ReadAsync();
            return clock.ElapsedMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception) when (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
        }
    }
}

async Task<string> SubscribeAsync(string stream)
{
    await recorder.SubscribeAsync(stream);
    return "";
}

static async Task<string> RemindAsync(IJournalGrain grain, string name, int periodMilliseconds)
    {
        await grain.RemindAsync(name, periodMilliseconds);
        return "";
}
