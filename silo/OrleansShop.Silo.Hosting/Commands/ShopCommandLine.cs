namespace OrleansShop.Silo.Hosting.Commands;

/// <summary>
/// A maintenance command as the first argument of a host (<c>migrate</c>, <c>backup --to DIR</c>,
/// <c>restore --from DIR [--force]</c>, <c>dead-letters [--requeue]</c>), with its own options taken out; every other argument is configuration, as it
/// is for the host (<c>--OrleansShop:DataDirectory=/srv/shop</c>).
/// </summary>
internal sealed record ShopCommandLine(string Name, IReadOnlyDictionary<string, string> Values, IReadOnlySet<string> Flags, string[] ConfigurationArguments)
{
    public const string Usage =
        """
        Commands (as the first argument; every other argument is configuration, e.g. --OrleansShop:DataDirectory=DIR):
          migrate                        create or upgrade the database schema (PostgreSQL, SQL Server)
          backup --to DIR                back up the shop's data while it runs, into a new or empty folder DIR
          restore --from DIR [--force]   restore a backup into the configured data directory or database, which must be
                                         empty unless --force (then the shop must be stopped)
          dead-letters [--requeue] [--queue NAME] [--dead-before TIME]
                                         list the domain events that AdoNet streams gave up on, per queue; --requeue
                                         puts them back into their queues (safe while silos run); --queue and
                                         --dead-before (UTC unless an offset is given) narrow both to some of them
        """;

    private static readonly Dictionary<string, (string[] Values, string[] Flags, string[] Required)> s_commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["migrate"] = ([], [], []),
        ["backup"] = (["--to"], [], ["--to"]),
        ["restore"] = (["--from"], ["--force"], ["--from"]),
        ["dead-letters"] = (["--queue", "--dead-before"], ["--requeue"], []),
    };

    public static bool IsCommand(IReadOnlyList<string> args) => args.Count > 0 && s_commands.ContainsKey(args[0]);

    /// <summary>Parses a command line whose first argument is a command; throws <see cref="FormatException"/> with what is wrong.</summary>
    public static ShopCommandLine Parse(IReadOnlyList<string> args)
    {
        if (!IsCommand(args))
        {
            throw new FormatException("No command given.");
        }

        var name = args[0].ToLowerInvariant();
        var (valueNames, flagNames, required) = s_commands[name];
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var configuration = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var argument = args[i];
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var option = equals > 0 ? argument[..equals] : argument;
            if (valueNames.Contains(option, StringComparer.OrdinalIgnoreCase))
            {
                var value = equals > 0 ? argument[(equals + 1)..] : i + 1 < args.Count ? args[++i] : null;
                values[option] = string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{option} needs a value.") : value;
            }
            else if (flagNames.Contains(argument, StringComparer.OrdinalIgnoreCase))
            {
                flags.Add(argument);
            }
            else if (s_commands.Values.Any(c => c.Values.Contains(option, StringComparer.OrdinalIgnoreCase) || c.Flags.Contains(option, StringComparer.OrdinalIgnoreCase)))
            {
                // Passed on as configuration it would swallow the next argument as its value (--force --OrleansShop:...).
                throw new FormatException($"{option} is not an option of {name}.");
            }
            else
            {
                configuration.Add(argument);
            }
        }

        foreach (var option in required.Where(option => !values.ContainsKey(option)))
        {
            throw new FormatException($"{name} needs {option} DIR.");
        }

        return new ShopCommandLine(name, values, flags, [.. configuration]);
    }
}
