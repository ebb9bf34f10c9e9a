using KafkaDemo.Cli.Terminal;

namespace KafkaDemo.Consumer.Lag;

/// <summary>
/// Messages per second into each partition (its log-end offset growing) and out of it (the group's
/// committed offset growing), over about <see cref="Span"/>: offsets are committed every few seconds
/// (5 s by default), so a shorter window would swing between nothing and bursts.
/// </summary>
public sealed class LagRates
{
    /// <summary>The window each rate is taken over, once the watch has run that long.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromSeconds(10);

    private readonly Dictionary<(string Topic, int Partition), (RateWindow In, RateWindow Out)> _windows = [];

    /// <summary>Records <paramref name="rows"/>, measured at <paramref name="at"/>; each row's rates, null where not known yet.</summary>
    public IReadOnlyList<(double? In, double? Out)> Update(TimeSpan at, IReadOnlyList<PartitionLag> rows) =>
    [
        .. rows.Select(row =>
        {
            if (!_windows.TryGetValue((row.Topic, row.Partition), out var windows))
            {
                windows = (new RateWindow(Span), new RateWindow(Span));
                _windows.Add((row.Topic, row.Partition), windows);
            }

            var rateIn = windows.In.Add(at, row.LogEnd);
            var rateOut = row.Committed is { } committed ? windows.Out.Add(at, committed) : null;
            return (rateIn, rateOut);
        }),
    ];
}
