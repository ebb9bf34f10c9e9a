namespace KafkaDemo.Cli.Terminal;

/// <summary>
/// A per-second rate from a growing count sampled now and then: the growth since the youngest
/// sample at least <paramref name="span"/> old (or the oldest there is), so that one slow or bursty
/// interval does not swing the figure.
/// </summary>
public sealed class RateWindow(TimeSpan span)
{
    private readonly Queue<(TimeSpan At, long Count)> _samples = new();

    /// <summary>Records <paramref name="count"/> seen at <paramref name="at"/>; the rate, or null with no earlier sample. A count that shrank gives 0.</summary>
    public double? Add(TimeSpan at, long count)
    {
        while (_samples.Count > 1 && at - _samples.ElementAt(1).At >= span)
        {
            _samples.Dequeue();
        }

        double? rate = _samples.TryPeek(out var first) && at > first.At
            ? Math.Max(0, count - first.Count) / (at - first.At).TotalSeconds
            : null;
        _samples.Enqueue((at, count));
        return rate;
    }
}
