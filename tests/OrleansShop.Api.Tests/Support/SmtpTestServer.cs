using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using MimeKit;

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// A real SMTP server on loopback (js/smtp.mjs: the npm package smtp-server under Node.js), which keeps every message it
/// accepted and counts those it refused. Skips the test without Node.js, fails it under CI=true.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<MimeMessage> accepted = new();
    private readonly StringBuilder errors = new();
    private int refused;

    private SmtpTestServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Accepted => [.. accepted];

    public int Refused => Volatile.Read(ref refused);

    /// <param name="port">0 for a free port.</param>
    /// <param name="refuse">How many messages to answer with <paramref name="code"/> before accepting.</param>
    public static async Task<SmtpTestServer> StartAsync(int port = 0, int refuse = 0, int code = 451, string? user = null, string? password = null)
    {
        var node = await NodeTools.RequireNodeAsync();
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = NodeTools.ScriptDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "smtp.mjs", "--port", $"{port}", "--refuse", $"{refuse}", "--code", $"{code}" })
        {
            start.ArgumentList.Add(argument);
        }

        if (user is not null)
        {
            start.ArgumentList.Add("--user");
            start.ArgumentList.Add(user);
            start.ArgumentList.Add("--password");
            start.ArgumentList.Add(password ?? string.Empty);
        }

        var process = Process.Start(start)!;
        var first = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        if (first is null || JsonNode.Parse(first)?["listening"] is not { } listening)
        {
            var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"smtp.mjs did not start: {first}\n{error}");
        }

        var server = new SmtpTestServer(process, listening.GetValue<int>());
        _ = Task.Run(server.ReadEventsAsync);
        _ = Task.Run(async () => server.errors.Append(await process.StandardError.ReadToEndAsync()));
        return server;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages were accepted; returns them all.</summary>
    /// <param name="logs">The shop's log, shown when the messages do not come.</param>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, CapturingLoggerProvider? logs = null, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (accepted.Count < count && !process.HasExited)
        {
            Assert.True(
                DateTime.UtcNow < deadline,
                $"{accepted.Count} of {count} messages accepted after {seconds} s ({Refused} refused); the shop's log:\n{string.Join('\n', logs?.Entries ?? [])}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.False(process.HasExited, "smtp.mjs exited: " + errors);
        return Accepted;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000))
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private async Task ReadEventsAsync()
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var e = JsonNode.Parse(line)!;
            if (e["accepted"] is { } raw)
            {
                using var stream = new MemoryStream(Convert.FromBase64String(raw.GetValue<string>()));
                accepted.Enqueue(await MimeMessage.LoadAsync(stream));
            }
            else if (e["refused"] is not null)
            {
                Interlocked.Increment(ref refused);
            }
        }
    }
}
