namespace OrleansShop.Runtime.TestHost;

/// <summary>
/// The host's command line: --data &lt;dir&gt; [--postgres &lt;connection string&gt;] [--service-id &lt;id&gt;]
/// [--cluster &lt;cluster id&gt;] [--lease-ms &lt;milliseconds&gt;]. With --cluster the silo joins a cluster whose
/// membership table is in the same database as its state, on a free silo port.
/// </summary>
internal sealed record HostArguments(string DataDirectory, string? PostgresConnectionString, string ServiceId, string? ClusterId, int? LeaseMilliseconds)
{
    public static HostArguments Parse(string[] args)
    {
        string? data = null, postgres = null, serviceId = null, clusterId = null;
        int? lease = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--data":
                    data = args[i + 1];
                    break;
                case "--postgres":
                    postgres = args[i + 1];
                    break;
                case "--service-id":
                    serviceId = args[i + 1];
                    break;
                case "--cluster":
                    clusterId = args[i + 1];
                    break;
                case "--lease-ms":
                    lease = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return new HostArguments(data ?? throw new ArgumentException("--data <dir> is required."), postgres, serviceId ?? "default", clusterId, lease);
    }
}
