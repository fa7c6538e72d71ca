namespace SmartOffice.Domain.Demo;

/// <summary>Small helpers over <see cref="Random"/>; every demo value is drawn through a seeded instance.</summary>
internal static class DemoRandom
{
    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>A whole number in [min, max], both included.</summary>
    public static int Between(this Random rng, int min, int max) => rng.Next(min, max + 1);

    public static string Digits(this Random rng, int count) =>
        string.Create(count, rng, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = (char)('0' + r.Next(10));
        });

    /// <summary>A GUID-shaped string, as ASP.NET Core Identity makes for ids and stamps, but reproducible.</summary>
    public static string GuidString(this Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    public static string HexString(this Random rng, int byteCount)
    {
        var bytes = new byte[byteCount];
        rng.NextBytes(bytes);
        return Convert.ToHexString(bytes);
    }

    /// <summary>A seed for one phase of the generation, so phases do not shift each other's draws.</summary>
    public static Random ForPhase(int seed, int phase) => new(unchecked(seed * 31 + phase));
}

/// <summary>Picks an index in proportion to its weight, in O(log n).</summary>
internal sealed class WeightedPicker
{
    private readonly double[] _cumulative;

    public WeightedPicker(IEnumerable<double> weights)
    {
        var sum = 0.0;
        _cumulative = weights.Select(w => sum += Math.Max(0, w)).ToArray();
        if (_cumulative.Length == 0 || sum <= 0)
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
    }

    public int Count => _cumulative.Length;

    public int Next(Random rng)
    {
        // The first index whose running total exceeds the target: zero weights are never picked.
        var target = rng.NextDouble() * _cumulative[^1];
        int low = 0, high = _cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_cumulative[middle] > target)
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }
}
