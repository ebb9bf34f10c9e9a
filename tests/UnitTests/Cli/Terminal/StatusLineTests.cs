using System.Text;
using KafkaDemo.Cli.Terminal;

namespace KafkaDemo.UnitTests.Cli.Terminal;

public class StatusLineTests
{
    private const string Esc = "\u001b";

    private static string Written(MemoryStream terminal) => Encoding.UTF8.GetString(terminal.ToArray());

    [Fact]
    public void The_first_line_makes_room_sets_the_scrolling_region_above_the_last_row_and_draws_there()
    {
        var terminal = new MemoryStream();
        using var line = new StatusLine(terminal, () => new TerminalSize(80, 24));

        line.Show("consuming: 1 s");

        Assert.Equal($"{Esc}D{Esc}7{Esc}[1;23r{Esc}8{Esc}[1A" + $"{Esc}7{Esc}[24;1H{Esc}[2Kconsuming: 1 s{Esc}8", Written(terminal));
    }

    [Fact]
    public void Later_lines_only_redraw_the_last_row_and_put_the_cursor_back()
    {
        var terminal = new MemoryStream();
        using var line = new StatusLine(terminal, () => new TerminalSize(80, 24));
        line.Show("one");
        terminal.SetLength(0);

        line.Show("two");

        Assert.Equal($"{Esc}7{Esc}[24;1H{Esc}[2Ktwo{Esc}8", Written(terminal));
    }

    [Fact]
    public void A_resized_terminal_gets_its_region_set_again_for_the_new_height()
    {
        var size = new TerminalSize(80, 24);
        var terminal = new MemoryStream();
        using var line = new StatusLine(terminal, () => size);
        line.Show("one");
        terminal.SetLength(0);
        size = new TerminalSize(80, 30);

        line.Show("two");

        Assert.Equal($"{Esc}7{Esc}[24;1H{Esc}[2K{Esc}[1;29r{Esc}8" + $"{Esc}7{Esc}[30;1H{Esc}[2Ktwo{Esc}8", Written(terminal));
    }

    [Fact]
    public void Text_wider_than_the_terminal_is_cut_one_column_short_of_the_edge()
    {
        var terminal = new MemoryStream();
        using var line = new StatusLine(terminal, () => new TerminalSize(10, 24));
        line.Show("x");
        terminal.SetLength(0);

        line.Show("0123456789abc");

        Assert.Contains("[2K012345678" + Esc + "8", Written(terminal));
    }

    [Fact]
    public void Disposing_clears_the_line_and_gives_the_terminal_its_full_height_back_and_nothing_is_drawn_after()
    {
        var terminal = new MemoryStream();
        var line = new StatusLine(terminal, () => new TerminalSize(80, 24));
        line.Show("one");
        terminal.SetLength(0);

        line.Dispose();
        line.Show("late");

        Assert.Equal($"{Esc}7{Esc}[r{Esc}[24;1H{Esc}[2K{Esc}8", Written(terminal));
    }

    [Fact]
    public void Without_a_known_size_nothing_is_written_even_on_disposal()
    {
        var terminal = new MemoryStream();
        var line = new StatusLine(terminal, () => null);

        line.Show("one");
        line.Dispose();

        Assert.Equal(0, terminal.Length);
    }
}
