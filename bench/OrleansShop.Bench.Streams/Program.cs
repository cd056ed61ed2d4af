// The domain-event stream providers between two silo processes on loopback; bench/run-streams.sh drives it.
//   consumer  --service S --silo-port P --gateway-port G [--lifetime 600]
//             the primary silo: hosts the subscribers, prints "ready", runs until SIGTERM or the lifetime ends
//   publisher --service S --primary P --silo-port P2 --gateway-port G2 [--publishers 16 --warmup 2 --seconds 5
//             --rate 50 --paced-seconds 10 --drain 120]
//             joins, publishes from grains on itself, prints one line, leaves
// The provider and its settings come from OrleansShop__Streams__* (and OrleansShop__Storage__* for AdoNet) in both.
// Prints: flat published=N delivered=M duplicates=D publishrate=R rate=E | paced events=N delivered=M duplicates=D p50ms=X p99ms=Y
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansShop.Bench.Streams;

var command = args.Length > 0 ? args[0] : "";
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

int Int(string name, int? fallback = null) =>
    options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture)
        : fallback ?? throw new ArgumentException($"--{name} is required for '{command}'");

var service = options.TryGetValue("service", out var s) ? s : throw new ArgumentException("--service is required");
switch (command)
{
    case "consumer":
    {
        var siloPort = Int("silo-port");
        using var host = BenchSilo.Create(service, siloPort, Int("gateway-port"), siloPort, migrate: true);
        await host.StartAsync();
        Console.WriteLine("ready");
        using var lifetime = new CancellationTokenSource(TimeSpan.FromSeconds(Int("lifetime", 600)));
        await host.WaitForShutdownAsync(lifetime.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        await host.StopAsync(TimeSpan.FromSeconds(10));
        break;
    }

    case "publisher":
    {
        using var host = BenchSilo.Create(service, Int("silo-port"), Int("gateway-port"), Int("primary"), migrate: false);
        await host.StartAsync();
        var membership = host.Services.GetRequiredService<IClusterMembershipService>();
        var joined = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) < 2)
        {
            if (DateTime.UtcNow > joined)
            {
                throw new TimeoutException("the consuming silo did not show as active within 60 s");
            }

            await Task.Delay(100);
        }

        var load = new StreamLoad(host.Services.GetRequiredService<IGrainFactory>(), Int("publishers", 16), TimeSpan.FromSeconds(Int("drain", 120)));
        await load.FlatOutAsync(TimeSpan.FromSeconds(Int("warmup", 2)));
        var flat = await load.FlatOutAsync(TimeSpan.FromSeconds(Int("seconds", 5)));
        var paced = await load.PacedAsync(Int("rate", 50), TimeSpan.FromSeconds(Int("paced-seconds", 10)));
        Console.WriteLine($"flat {flat} | paced {paced}");
        await host.StopAsync(TimeSpan.FromSeconds(10));
        break;
    }

    default:
        throw new ArgumentException($"unknown command '{command}': consumer or publisher");
}
