using System.Globalization;
using System.Text;

namespace KafkaDemo.Cli.Terminal;

/// <summary>
/// Redraws a block of lines in place on a terminal, as <c>watch</c> does without taking the whole
/// screen: each frame moves the cursor back up over the one before, overwrites its lines and
/// clears what is left below, so the last frame stays on screen when the program ends. A frame is
/// cut to the terminal's size: a line that wrapped, or one that scrolled off the top, could not
/// be reached again.
/// </summary>
public sealed class InPlaceFrame(TextWriter terminal, Func<TerminalSize?> size)
{
    private const string Esc = "\u001b";
    private int _drawn;
    private TerminalSize _last = new(80, 24);

    /// <summary>Replaces the previous frame with <paramref name="lines"/>, in one write, and flushes.</summary>
    public void Draw(IReadOnlyList<string> lines)
    {
        _last = size() ?? _last;
        var shown = Fit(lines, _last);
        var frame = new StringBuilder();
        if (_drawn > 0)
        {
            frame.Append(CultureInfo.InvariantCulture, $"\r{Esc}[{_drawn}A");
        }

        foreach (var line in shown)
        {
            frame.Append(line).Append($"{Esc}[K\n");
        }

        frame.Append($"{Esc}[J");
        terminal.Write(frame.ToString());
        terminal.Flush();
        _drawn = shown.Count;
    }

    /// <summary>At most a screenful less one row (the cursor's), each line narrower than the screen.</summary>
    public static IReadOnlyList<string> Fit(IReadOnlyList<string> lines, TerminalSize size)
    {
        var rows = Math.Max(1, size.Height - 1);
        var kept = lines.Count <= rows
            ? lines
            : [.. lines.Take(rows - 1), $"… {lines.Count - rows + 1} more lines: a taller terminal shows them"];
        return [.. kept.Select(line => line.Length < size.Width ? line : line[..Math.Max(0, size.Width - 1)])];
    }
}
