namespace OrleansShop.Runtime.TestHost;

/// <summary>
/// The host's command line: --data &lt;dir&gt; [--postgres &lt;connection string&gt;] [--service-id &lt;id&gt;]
/// [--cluster &lt;cluster id&gt; [--client]] [--lease-ms &lt;milliseconds&gt;]. With --cluster the silo joins a cluster whose
/// membership table is in the same database as its state, on a free silo port; with --client as well, the process is
/// a cluster client of it instead (set through configuration, as OrleansShop__Cluster__Mode=Client would).
/// </summary>
internal sealed record HostArguments(string DataDirectory, string? PostgresConnectionString, string ServiceId, string? ClusterId, int? LeaseMilliseconds, bool Client)
{
    public static HostArguments Parse(string[] args)
    {
        string? data = null, postgres = null, serviceId = null, clusterId = null;
        int? lease = null;
        var client = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--client")
            {
                client = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"Argument '{args[i]}' needs a value.");
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--data":
                    data = value;
                    break;
                case "--postgres":
                    postgres = value;
                    break;
                case "--service-id":
                    serviceId = value;
                    break;
                case "--cluster":
                    clusterId = value;
                    break;
                case "--lease-ms":
                    lease = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i - 1]}'.");
            }
        }

        if (client && clusterId is null)
        {
            throw new ArgumentException("--client needs --cluster <cluster id>.");
        }

        return new HostArguments(data ?? throw new ArgumentException("--data <dir> is required."), postgres, serviceId ?? "default", clusterId, lease, client);
    }
}
