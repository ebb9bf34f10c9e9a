using System.Text;
using KafkaDemo.Cli.Terminal;

namespace KafkaDemo.UnitTests.Cli.Terminal;

public class ProgressLineTests
{
    private const string Esc = "\u001b";

    [Fact]
    public void A_redraw_shows_what_the_render_gives_now()
    {
        var terminal = new MemoryStream();
        var count = 0;
        using var progress = new ProgressLine(new StatusLine(terminal, () => new TerminalSize(80, 24)), () => $"count {++count}", Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        progress.Redraw();
        progress.Redraw();

        Assert.EndsWith($"{Esc}[24;1H{Esc}[2Kcount 2{Esc}8", Encoding.UTF8.GetString(terminal.ToArray()));
    }

    [Fact]
    public void A_render_that_throws_ends_the_line_instead_of_the_run()
    {
        var terminal = new MemoryStream();
        var fail = false;
        using var progress = new ProgressLine(new StatusLine(terminal, () => new TerminalSize(80, 24)),
            () => fail ? throw new InvalidOperationException("gone") : "fine", Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        progress.Redraw();
        fail = true;

        progress.Redraw();
        terminal.SetLength(0);
        fail = false;
        progress.Redraw();

        Assert.Equal(0, terminal.Length);
    }
}
