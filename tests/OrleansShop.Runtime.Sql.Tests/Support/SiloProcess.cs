using System.Diagnostics;
using System.Threading.Channels;

namespace OrleansShop.Runtime.Sql.Tests.Support;

/// <summary>
/// The test host (tests/OrleansShop.Runtime.TestHost) running as its own OS process: requests go in on its standard
/// input, replies and events come back on its standard output. <see cref="Kill"/> is SIGKILL: no shutdown code runs.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    // Generous: the process starts a runtime and opens its database on a machine that may be busy.
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan s_replyTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Channel<string> _replies = Channel.CreateUnbounded<string>();
    private readonly Channel<string> _events = Channel.CreateUnbounded<string>();
    private readonly List<string> _errors = [];
    private readonly Task _pump;

    private SiloProcess(Process process)
    {
        _process = process;
        _pump = Task.Run(PumpAsync);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.Add(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>Starts the host on <paramref name="dataDirectory"/> and waits until its silo has started.</summary>
    public static Task<SiloProcess> StartAsync(string dataDirectory, string? postgresConnectionString, CancellationToken cancellationToken) =>
        StartAsync(dataDirectory, postgresConnectionString, [], cancellationToken);

    /// <summary>As the other overload, with further host arguments (e.g. <c>--cluster id</c>).</summary>
    public static async Task<SiloProcess> StartAsync(
        string dataDirectory, string? postgresConnectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OrleansShop.Runtime.TestHost.dll"));
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(dataDirectory);
        if (postgresConnectionString is not null)
        {
            start.ArgumentList.Add("--postgres");
            start.ArgumentList.Add(postgresConnectionString);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var silo = new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException("The test host did not start."));
        try
        {
            var first = await silo.NextReplyAsync(s_startTimeout, cancellationToken);
            if (first != "ready")
            {
                throw new InvalidOperationException($"The test host answered '{first}' instead of 'ready'.{silo.ErrorOutput()}");
            }
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }

        return silo;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Asks the host to stop its silo cleanly and waits for the process to end; returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync("exit".AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
        return await WaitForExitAsync(timeout, cancellationToken);
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The test host did not exit within {timeout}.{ErrorOutput()}", ex);
        }

        return _process.ExitCode;
    }

    /// <summary>Sends one request and returns the result of its "ok" reply; an "error" reply throws.</summary>
    public async Task<string> RequestAsync(string request, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(request.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
        var reply = await NextReplyAsync(s_replyTimeout, cancellationToken);
        return reply switch
        {
            "ok" => "",
            _ when reply.StartsWith("ok ", StringComparison.Ordinal) => reply[3..],
            _ => throw new InvalidOperationException($"'{request}' failed: {reply}{ErrorOutput()}"),
        };
    }

    /// <summary>Waits for the process to print "event <paramref name="text"/>".</summary>
    public async Task WaitForEventAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (await _events.Reader.ReadAsync(limit.Token) != text)
            {
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The test host did not report '{text}' within {timeout}.{ErrorOutput()}", ex);
        }
    }

    /// <summary>SIGSTOP (<paramref name="freeze"/>) or SIGCONT: the process stops running, or runs on, without knowing.</summary>
    public void Signal(bool freeze)
    {
        using var kill = Process.Start("kill", [freeze ? "-STOP" : "-CONT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: the process ends at once, without stopping its silo or closing its database.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Until every silo sees every other Active: from then on each one routes to and sends events to all the others.</summary>
    public static async Task SeeEachOtherAsync(CancellationToken cancellationToken, params SiloProcess[] silos)
    {
        foreach (var silo in silos)
        {
            await silo.RequestAsync($"waitactive {silos.Length}", cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal(freeze: false);
            Kill();
        }

        await _pump;
        _process.Dispose();
    }

    private async Task PumpAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            var target = line.StartsWith("event ", StringComparison.Ordinal) ? _events : _replies;
            target.Writer.TryWrite(target == _events ? line["event ".Length..] : line);
        }

        _replies.Writer.TryComplete();
        _events.Writer.TryComplete();
    }

    private async Task<string> NextReplyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await _replies.Reader.ReadAsync(limit.Token);
        }
        catch (ChannelClosedException ex)
        {
            throw new InvalidOperationException($"The test host exited.{ErrorOutput()}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The test host did not reply within {timeout}.{ErrorOutput()}", ex);
        }
    }

    private string ErrorOutput()
    {
        lock (_errors)
        {
            return _errors.Count == 0 ? "" : " Its standard error: " + string.Join(Environment.NewLine, _errors);
        }
    }
}
