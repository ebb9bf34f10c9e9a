using System.Text;
using Microsoft.Win32.SafeHandles;

namespace KafkaDemo.Cli;

/// <summary>The process's stdout for programs that write many lines and decide themselves when to flush.</summary>
public static class StandardOutput
{
    /// <summary>
    /// A writer on stdout that flushes when its 64 KiB buffer fills or when asked, not on every line
    /// as <see cref="Console.Out"/> does. The caller owns it and must flush it before exiting.
    /// </summary>
    /// <remarks>
    /// When stdout is a pipe, writes go straight to file descriptor 1, so that a reader that went
    /// away (<c>| head</c>) makes a flush fail with an <see cref="IOException"/>: .NET's console
    /// stream silently drops what is written to a closed pipe, and a consumer would then commit
    /// messages nobody saw. Files and terminals keep the console stream, which shares the file
    /// offset with stderr when both are redirected to one file.
    /// </remarks>
    public static StreamWriter Buffered() =>
        new(OpenStream(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024) { AutoFlush = false };

    private static Stream OpenStream()
    {
        if (!OperatingSystem.IsWindows() && Console.IsOutputRedirected)
        {
            try
            {
                var descriptor = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
                if (!descriptor.CanSeek)
                {
                    return descriptor;
                }

                descriptor.Dispose();
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Not a descriptor FileStream accepts: the console stream will do.
            }
        }

        return Console.OpenStandardOutput();
    }
}
