using System.Diagnostics;

namespace SmartOffice.Bench;

/// <summary>A variant measured in a process of its own (its own peak working set): this runner again with a hidden command.</summary>
internal static class ChildRun
{
    /// <summary>Runs the child and returns the fields of its last line, which must number <paramref name="fields"/>.</summary>
    public static async Task<string[]> LastLineAsync(string command, string variant, string file, int fields,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
        foreach (var argument in new[] { command, variant, file })
            start.ArgumentList.Add(argument);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        var last = output.Trim().Split('\n')[^1].Split(' ');
        return child.ExitCode == 0 && last.Length == fields ? last
            : throw new InvalidOperationException($"{command} {variant} failed: {output}");
    }
}
