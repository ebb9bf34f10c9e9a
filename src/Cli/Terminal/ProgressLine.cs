namespace KafkaDemo.Cli.Terminal;

/// <summary>
/// A <see cref="StatusLine"/> redrawn from a timer: the run's hot path only keeps its counters, and
/// this reads them a few times a second, on the timer's thread.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    private readonly StatusLine _line;
    private readonly Func<string> _render;
    private readonly Timer _timer;

    /// <summary>Redraws <paramref name="line"/> with what <paramref name="render"/> gives, first after <paramref name="firstAfter"/>, then every <paramref name="period"/>.</summary>
    public ProgressLine(StatusLine line, Func<string> render, TimeSpan firstAfter, TimeSpan period)
    {
        _line = line;
        _render = render;
        _timer = new Timer(_ => Redraw(), null, firstAfter, period);
    }

    /// <summary>Renders and shows the line now.</summary>
    public void Redraw()
    {
        try
        {
            _line.Show(_render());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An exception on a timer thread would end the process: a progress line that cannot
            // be drawn must not stop the run it describes, so it stops itself instead.
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            _line.Dispose();
        }
    }

    /// <summary>Stops the timer, clears the line and gives the terminal its full height back.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        _line.Dispose();
    }
}
