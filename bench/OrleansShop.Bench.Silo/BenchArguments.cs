using System.Globalization;

namespace OrleansShop.Bench.Silo;

/// <summary>The command (host, silo or client) and its <c>--name value</c> options.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);

    private BenchArguments(string command) => Command = command;

    public string Command { get; }

    public static BenchArguments Parse(string[] args)
    {
        if (args.Length == 0 || args.Length % 2 == 0)
        {
            throw new ArgumentException("usage: host|silo|client [--name value]...");
        }

        var parsed = new BenchArguments(args[0]);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"expected an option name, got '{args[i]}'");
            }

            parsed.options[args[i][2..]] = args[i + 1];
        }

        return parsed;
    }

    public int Int(string name, int fallback) =>
        options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public int RequiredInt(string name) =>
        options.TryGetValue(name, out var value)
            ? int.Parse(value, CultureInfo.InvariantCulture)
            : throw new ArgumentException($"--{name} is required for '{Command}'");

    public TimeSpan Seconds(string name, double fallback) =>
        TimeSpan.FromSeconds(options.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback);
}
