using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SmartOffice.Bench;

/// <summary>
/// <c>startup</c>: <c>dotnet run -c Release --project SmartOffice.Console</c> after restore and build (the runner has just
/// built it; dotnet run's own up-to-date check is included) on an empty database, until the first page (the sign-in page)
/// is served — migrations, reference data, the business calendar, the standard demo data and Quartz all done first.
/// Target &lt; 30 s. No baseline: reported absolute.
/// </summary>
internal sealed class StartupBenchmark(string repositoryRoot) : IBenchmark
{
    private const double TargetSeconds = 30;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    public bool UsesDemoData => false;

    public async Task<IReadOnlyList<BenchResult>> RunAsync(IServiceProvider? services, int runs, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "smartoffice-bench-startup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "run", "-c", "Release", "--project", "SmartOffice.Console", "--", "--urls",
            $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(argument);
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "console.db")}";
        start.Environment["DataProtection__KeysFolder"] = Path.Combine(folder, "keys");
        start.Environment["Jobs__OutboxFolder"] = Path.Combine(folder, "outbox");
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(folder, "logs", "console-.log");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        using var app = Process.Start(start)!;
        app.OutputDataReceived += (_, _) => { };
        app.ErrorDataReceived += (_, _) => { };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (app.HasExited)
                    throw new InvalidOperationException(
                        $"The app stopped during start-up (exit code {app.ExitCode}); logs in {folder}/logs.");
                if (watch.Elapsed > GiveUpAfter)
                    throw new TimeoutException($"The app served no page within {GiveUpAfter.TotalMinutes} minutes.");
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/signin", cancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK)
                        break;
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }
                await Task.Delay(100, cancellationToken);
            }
            var seconds = watch.Elapsed.TotalSeconds;
            global::System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dotnet run → first page served (standard demo data generated): {seconds:0.0} s; target < {TargetSeconds} s"));
            return [BenchResult.Absolute("startup to first page", seconds, "s", TargetSeconds)];
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync(CancellationToken.None);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
