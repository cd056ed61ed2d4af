namespace OrleansShop.Runtime.TestHost;

/// <summary>Lines the host prints unasked ("event ..."), so a test can see what happens inside the process.</summary>
internal static class HostEvents
{
    public static void Publish(string text) => HostConsole.WriteLine("event " + text);
}
