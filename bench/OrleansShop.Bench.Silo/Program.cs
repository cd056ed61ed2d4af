// Remote grain calls on Orleans between processes on loopback; bench/run-orleans-calls.sh drives it.
//   host   --silo-port P --gateway-port G [--lifetime 900]        the primary silo, owner of the ping grains; prints
//                                                                  "ready", runs until SIGTERM or the lifetime ends
//   silo   --primary P --silo-port P2 --gateway-port G2 [load]    joins, calls the grains on the primary, prints, leaves
//   client --gateway G [load]                                      calls the same grains through the primary's gateway
//   load:  --grains 1000 --callers 32 --seconds 10 --warmup 2
// Prints one line: calls=N rate=R p50us=X p99us=Y bytes=B cpuus=C (B and C: this process, per call).
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansShop.Bench.Silo;

var arguments = BenchArguments.Parse(args);
switch (arguments.Command)
{
    case "host":
        var siloPort = arguments.RequiredInt("silo-port");
        using (var host = BenchHosts.Silo(siloPort, arguments.RequiredInt("gateway-port"), siloPort))
        {
            await host.StartAsync();
            Console.WriteLine("ready");
            using var lifetime = new CancellationTokenSource(arguments.Seconds("lifetime", 900));
            await host.WaitForShutdownAsync(lifetime.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            await host.StopAsync(TimeSpan.FromSeconds(10));
        }

        break;
    case "silo":
        using (var silo = BenchHosts.Silo(arguments.RequiredInt("silo-port"), arguments.RequiredInt("gateway-port"), arguments.RequiredInt("primary")))
        {
            await silo.StartAsync();
            var membership = silo.Services.GetRequiredService<IClusterMembershipService>();
            await RemoteGrains.WaitForActiveSilosAsync(membership, 2, TimeSpan.FromSeconds(60));
            var local = silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
            var grains = await RemoteGrains.ActivateAsync(silo.Services.GetRequiredService<IGrainFactory>(), arguments.Int("grains", 1000), local, TimeSpan.FromSeconds(60));
            Console.WriteLine(await Load(grains));
            await silo.StopAsync(TimeSpan.FromSeconds(10));
        }

        break;
    case "client":
        using (var client = BenchHosts.Client(arguments.RequiredInt("gateway")))
        {
            await client.StartAsync();
            var grains = await RemoteGrains.ActivateAsync(client.Services.GetRequiredService<IGrainFactory>(), arguments.Int("grains", 1000), null, TimeSpan.FromSeconds(60));
            Console.WriteLine(await Load(grains));
            await client.StopAsync(TimeSpan.FromSeconds(10));
        }

        break;
    default:
        throw new ArgumentException($"unknown command '{arguments.Command}': host, silo or client");
}

Task<string> Load(IPingGrain[] grains) =>
    CallLoad.MeasureAsync(grains, arguments.Int("callers", 32), arguments.Seconds("warmup", 2), arguments.Seconds("seconds", 10));
