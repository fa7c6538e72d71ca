using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace SmartOffice.Bench.Circuits;

/// <summary>
/// This benchmark program run again as a child (<c>SmartOffice.Bench &lt;command&gt; …</c>), pinned to one core with
/// util-linux's <c>taskset</c> — the server on core 0, the load client on core 1 — so that each measures on a core of its
/// own. On a machine with one core, or without taskset, the child runs unpinned and says so.
/// </summary>
internal sealed partial class PinnedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _answers = Channel.CreateUnbounded<string>();

    private PinnedProcess(Process process, string? answerPrefix)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                _answers.Writer.TryComplete();
            else if (answerPrefix is not null && e.Data.StartsWith(answerPrefix, StringComparison.Ordinal))
                _answers.Writer.TryWrite(e.Data[answerPrefix.Length..]);
            else if (!InformationLine().IsMatch(e.Data))
                global::System.Console.WriteLine(e.Data);
        };
        _process.BeginOutputReadLine();
    }

    /// <summary>Why the children are not pinned, or null when they are.</summary>
    public static string? NotPinned =>
        !File.Exists("/usr/bin/taskset") ? "no /usr/bin/taskset (util-linux)" : TotalCores() < 2 ? "one core" : null;

    /// <summary>
    /// Starts the command on <paramref name="core"/>; its stdout lines starting with <paramref name="answerPrefix"/> are read
    /// by <see cref="ReadAsync"/>, the others echoed; with <paramref name="commands"/> its stdin takes <see cref="AskAsync"/>.
    /// </summary>
    public static PinnedProcess Start(int core, string? answerPrefix, bool commands, params string[] arguments)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(NotPinned is null ? "/usr/bin/taskset" : self)
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = commands,
        };
        if (NotPinned is null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(core.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add(self);
        }
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(typeof(PinnedProcess).Assembly.Location);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return new PinnedProcess(Process.Start(start)!, answerPrefix);
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public int ExitCode => _process.ExitCode;

    /// <summary>The child's next answer line (without its prefix).</summary>
    public async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        if (await _answers.Reader.WaitToReadAsync(cancellationToken) && _answers.Reader.TryRead(out var answer))
            return answer;
        throw new InvalidOperationException($"The child process stopped (exit code {(_process.HasExited ? _process.ExitCode : -1)}).");
    }

    public async Task<string> AskAsync(string command, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(command.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
        return await ReadAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            if (_process.StartInfo.RedirectStandardInput)
            {
                try
                {
                    await _process.StandardInput.WriteLineAsync("quit");
                    await _process.StandardInput.FlushAsync();
                    await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
                }
                catch (Exception e) when (e is IOException or OperationCanceledException)
                {
                }
            }
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>The console app's information log lines (each request): not echoed, its warnings and errors are.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\[\d\d:\d\d:\d\d INF\]")]
    private static partial System.Text.RegularExpressions.Regex InformationLine();

    /// <summary>The machine's cores (the affinity this process was started with may already be narrower).</summary>
    private static int TotalCores() =>
        File.Exists("/sys/devices/system/cpu/online") ? ParseCpuList(File.ReadAllText("/sys/devices/system/cpu/online").Trim())
            : Environment.ProcessorCount;

    private static int ParseCpuList(string list) => list.Split(',').Sum(part =>
        part.Split('-') is [var from, var to] ? int.Parse(to, CultureInfo.InvariantCulture) - int.Parse(from, CultureInfo.InvariantCulture)
            + 1 : 1);
}
