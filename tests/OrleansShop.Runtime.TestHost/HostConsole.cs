namespace OrleansShop.Runtime.TestHost;

/// <summary>Standard output shared by replies and events: one whole line at a time, flushed at once.</summary>
internal static class HostConsole
{
    private static readonly Lock Gate = new();

    public static void WriteLine(string line)
    {
        lock (Gate)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }
}
