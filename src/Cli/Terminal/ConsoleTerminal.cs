using System.Runtime.InteropServices;

namespace KafkaDemo.Cli.Terminal;

/// <summary>
/// Whether the process's stdout or stderr is a terminal that understands cursor movement, and its
/// size, asked of that very stream: .NET asks stdout or stdin, so with both redirected it reports
/// 80×24 for a stderr that is a terminal of another size.
/// </summary>
public static partial class ConsoleTerminal
{
    private const int StandardOutput = 1;
    private const int StandardError = 2;
    // TIOCGWINSZ of Linux's generic ioctl numbers (x64, arm64, arm).
    private const nuint GetWindowSize = 0x5413;

    /// <summary>The size of stdout's terminal; null when stdout is not one we may draw on.</summary>
    public static TerminalSize? StandardOutputSize() => Console.IsOutputRedirected ? null : SizeOf(StandardOutput);

    /// <summary>The size of stderr's terminal; null when stderr is not one we may draw on.</summary>
    public static TerminalSize? StandardErrorSize() => Console.IsErrorRedirected ? null : SizeOf(StandardError);

    private static TerminalSize? SizeOf(int descriptor)
    {
        // TERM=dumb (Emacs' shell, some CI logs) promises no cursor movement, and a Windows console
        // reads escape codes only when a program turns that on, which these programs do not.
        if (OperatingSystem.IsWindows() || Environment.GetEnvironmentVariable("TERM") is "dumb")
        {
            return null;
        }

        if (OperatingSystem.IsLinux())
        {
            try
            {
                // .NET loads "libc" as libc.so.6 (libc.so is a linker script), with or without Native AOT.
                return QueryWindowSize(descriptor, GetWindowSize, out var size) == 0 && size.Rows > 0 && size.Columns > 0
                    ? new TerminalSize(size.Columns, size.Rows)
                    : null;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }

        // On macOS the console's own answer, which is that of this terminal when stdout or stdin is one.
        try
        {
            return Console.WindowWidth > 0 && Console.WindowHeight > 0 ? new TerminalSize(Console.WindowWidth, Console.WindowHeight) : null;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    // ioctl is variadic; on Linux (x64, arm64) its third argument is passed as a fixed one would be.
    [LibraryImport("libc", EntryPoint = "ioctl")]
    private static partial int QueryWindowSize(int descriptor, nuint request, out WindowSize size);

    [StructLayout(LayoutKind.Sequential)]
    private struct WindowSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort PixelWidth;
        public ushort PixelHeight;
    }
}
