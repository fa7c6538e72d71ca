using System.Diagnostics;
using System.Globalization;

namespace SmartOffice.Bench;

/// <summary>
/// Where fax-recognition's time goes per resolution and filling: the timed reading, and what only prepares or checks it
/// (drawing and faxing the form, rendering its pages, importing, order entry's check), wall clock and the process's CPU —
/// printed so the part that measures nothing is visible (docs/performance.md).
/// </summary>
internal sealed class FaxPhases : IDisposable
{
    public const string Draw = "drawing and faxing", Render = "rendering pages", Import = "importing", Read = "reading (timed)",
        Check = "order entry's check";

    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Dictionary<string, (TimeSpan Wall, TimeSpan Cpu)> _spent = new()
    {
        [Draw] = default, [Render] = default, [Import] = default, [Read] = default, [Check] = default,
    };

    public T Time<T>(string phase, Func<T> work)
    {
        var (start, cpu) = Start();
        var result = work();
        Stop(phase, start, cpu);
        return result;
    }

    public async Task<T> TimeAsync<T>(string phase, Func<Task<T>> work)
    {
        var (start, cpu) = Start();
        var result = await work();
        Stop(phase, start, cpu);
        return result;
    }

    private (long Start, TimeSpan Cpu) Start()
    {
        _process.Refresh();
        return (Stopwatch.GetTimestamp(), _process.TotalProcessorTime);
    }

    private void Stop(string phase, long start, TimeSpan cpu)
    {
        var wall = Stopwatch.GetElapsedTime(start);
        _process.Refresh();
        var (w, c) = _spent[phase];
        _spent[phase] = (w + wall, c + _process.TotalProcessorTime - cpu);
    }

    public override string ToString() => "time: " + string.Join(", ", _spent.Select(p => string.Create(CultureInfo.InvariantCulture,
        $"{p.Key} {p.Value.Wall.TotalSeconds:0.0} s (CPU {p.Value.Cpu.TotalSeconds:0.0} s)")));

    public void Dispose() => _process.Dispose();
}
