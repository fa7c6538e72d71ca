namespace SmartOffice.Domain.FaxInbox.Recognition;

/// <summary>
/// The catalogue code a misread code most likely is: an edit distance in which swapping characters the engine confuses
/// (the <c>Confusions</c> setting: 0/O, 1/I/l, 5/S, 8/B — compared upper-case, so l counts as L) costs a quarter, and any
/// other change, a missing or an extra character costs one. A code is proposed only when it is unambiguous: within one
/// whole edit, and at least half an edit nearer than every other code. Ties and crowds propose nothing.
/// </summary>
public sealed class NearestCode
{
    private const double ConfusionCost = 0.25, MaxDistance = 1.0, Margin = 0.5;
    private readonly Dictionary<char, int> _group = [];

    public NearestCode(IEnumerable<string> confusions)
    {
        var id = 0;
        foreach (var group in confusions)
        {
            id++;
            foreach (var c in group.ToUpperInvariant())
                _group[c] = id;
        }
    }

    /// <summary>The one catalogue code near <paramref name="read"/>, or null when none is, or several are about as near.</summary>
    public string? Find(string read, IEnumerable<string> catalogue)
    {
        string? best = null;
        double bestDistance = double.MaxValue, second = double.MaxValue;
        foreach (var code in catalogue)
        {
            if (Math.Abs(code.Length - read.Length) > 1 || code == read)
                continue;
            var distance = Distance(read, code, Math.Min(second, MaxDistance + Margin));
            if (distance < bestDistance)
                (second, bestDistance, best) = (bestDistance, distance, code);
            else if (distance < second)
                second = distance;
        }
        return best is not null && bestDistance <= MaxDistance && second - bestDistance >= Margin ? best : null;
    }

    /// <summary>The weighted edit distance, or a value above <paramref name="cap"/> as soon as it cannot come under it.</summary>
    public double Distance(string a, string b, double cap = double.MaxValue)
    {
        var previous = new double[b.Length + 1];
        var current = new double[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var swap = previous[j - 1] + Substitution(a[i - 1], b[j - 1]);
                current[j] = Math.Min(swap, Math.Min(previous[j] + 1, current[j - 1] + 1));
                rowBest = Math.Min(rowBest, current[j]);
            }
            if (rowBest > cap)
                return rowBest;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private double Substitution(char a, char b)
    {
        if (a == b)
            return 0;
        return _group.TryGetValue(a, out var x) && _group.TryGetValue(b, out var y) && x == y ? ConfusionCost : 1;
    }
}
