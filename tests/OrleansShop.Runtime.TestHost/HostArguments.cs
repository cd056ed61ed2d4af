namespace OrleansShop.Runtime.TestHost;

/// <summary>The host's command line: --data &lt;dir&gt; [--postgres &lt;connection string&gt;] [--service-id &lt;id&gt;].</summary>
internal sealed record HostArguments(string DataDirectory, string? PostgresConnectionString, string ServiceId)
{
    public static HostArguments Parse(string[] args)
    {
        string? data = null, postgres = null, serviceId = null;
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
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        return new HostArguments(data ?? throw new ArgumentException("--data <dir> is required."), postgres, serviceId ?? "default");
    }
}
