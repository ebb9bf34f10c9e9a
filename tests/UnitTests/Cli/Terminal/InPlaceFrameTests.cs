using KafkaDemo.Cli.Terminal;

namespace KafkaDemo.UnitTests.Cli.Terminal;

public class InPlaceFrameTests
{
    private const string Esc = "\u001b";

    [Fact]
    public void The_first_frame_is_written_where_the_cursor_is_each_line_cleared_to_its_end()
    {
        var terminal = new StringWriter();

        new InPlaceFrame(terminal, () => new TerminalSize(80, 24)).Draw(["a", "b"]);

        Assert.Equal($"a{Esc}[K\nb{Esc}[K\n{Esc}[J", terminal.ToString());
    }

    [Fact]
    public void The_next_frame_goes_back_up_over_the_lines_of_the_one_before_and_clears_what_is_left()
    {
        var terminal = new StringWriter();
        var frame = new InPlaceFrame(terminal, () => new TerminalSize(80, 24));
        frame.Draw(["a", "b", "c"]);
        terminal.GetStringBuilder().Clear();

        frame.Draw(["d"]);

        Assert.Equal($"\r{Esc}[3Ad{Esc}[K\n{Esc}[J", terminal.ToString());
    }

    [Fact]
    public void A_frame_taller_than_the_terminal_keeps_a_screenful_less_a_row_and_says_how_many_lines_it_left_out()
    {
        var lines = Enumerable.Range(1, 10).Select(i => $"line {i}").ToList();

        var fitted = InPlaceFrame.Fit(lines, new TerminalSize(80, 5));

        Assert.Equal(["line 1", "line 2", "line 3", "… 7 more lines: a taller terminal shows them"], fitted);
    }

    [Fact]
    public void Lines_wider_than_the_terminal_are_cut_so_that_none_wraps()
    {
        Assert.Equal(["abcd", "ab"], InPlaceFrame.Fit(["abcdefgh", "ab"], new TerminalSize(5, 24)));
    }
}
