using System.Globalization;
using System.Text;

namespace KafkaDemo.Cli.Terminal;

/// <summary>
/// The bottom row of a terminal, kept for one line of status. The rows above it become the
/// terminal's scrolling region, so whatever else the process writes to the same terminal (lines
/// on stdout, log entries on stderr, from any thread) scrolls above the status and never lands on
/// it: nobody else has to clear and redraw it. Each change is one write to the terminal, which the
/// kernel does not interleave with other writes, and it puts the cursor back where it found it.
/// </summary>
/// <remarks>
/// A process killed before <see cref="Dispose"/> leaves the scrolling region set; <c>reset</c>
/// (or <c>tput csr</c>) gives the terminal its full height back.
/// </remarks>
public sealed class StatusLine(Stream terminal, Func<TerminalSize?> size) : IDisposable
{
    private const string Esc = "\u001b";
    private readonly Lock _gate = new();
    // The height the scrolling region was set for; 0 until the first line is shown.
    private int _reservedFor;
    private bool _closed;

    /// <summary>Shows <paramref name="text"/> on the bottom row, cut to the terminal's width.</summary>
    public void Show(string text)
    {
        lock (_gate)
        {
            if (_closed || size() is not { Height: >= 3, Width: >= 2 } current)
            {
                return;
            }

            var update = new StringBuilder();
            if (current.Height != _reservedFor)
            {
                Reserve(update, current.Height);
            }

            update.Append(CultureInfo.InvariantCulture, $"{Esc}7{Esc}[{current.Height};1H{Esc}[2K")
                .Append(Fit(text, current.Width))
                .Append($"{Esc}8");
            Write(update);
        }
    }

    /// <summary>Clears the status and gives the terminal its full height back; nothing more is shown.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            if (_reservedFor > 0)
            {
                // Resetting the region moves the cursor home: it is saved and put back around it.
                Write(new StringBuilder().Append(CultureInfo.InvariantCulture, $"{Esc}7{Esc}[r{Esc}[{_reservedFor};1H{Esc}[2K{Esc}8"));
            }
        }
    }

    private void Reserve(StringBuilder update, int height)
    {
        if (_reservedFor == 0)
        {
            // Make room first: one line down (the screen scrolls when the cursor is on the last
            // row), then back up, so the cursor stays on its line and above the status row.
            update.Append($"{Esc}D{Esc}7").Append(CultureInfo.InvariantCulture, $"{Esc}[1;{height - 1}r").Append($"{Esc}8{Esc}[1A");
        }
        else
        {
            // Resized: the old status row, if still on screen, is cleared; the region follows the new height.
            update.Append(CultureInfo.InvariantCulture, $"{Esc}7{Esc}[{Math.Min(_reservedFor, height)};1H{Esc}[2K{Esc}[1;{height - 1}r{Esc}8");
        }

        _reservedFor = height;
    }

    // One column is left free: text reaching the last column would leave the cursor waiting to wrap.
    private static string Fit(string text, int width) => text.Length < width ? text : text[..(width - 1)];

    private void Write(StringBuilder update)
    {
        try
        {
            terminal.Write(Encoding.UTF8.GetBytes(update.ToString()));
            terminal.Flush();
        }
        catch (IOException)
        {
            // The terminal went away (hang-up): the run goes on without its status line.
            _closed = true;
        }
    }
}
