using System.Diagnostics;

namespace KafkaDemo.BrokerTests.Stores;

/// <summary>
/// Makes a file read-only for every user. File permissions do not stop root, which these tests
/// may run as; an immutable file (chattr +i) stops everyone.
/// </summary>
public static class ImmutableFile
{
    /// <summary>Runs <c>chattr <paramref name="flag"/> <paramref name="file"/></c>: whether it was done, and chattr's words when not.</summary>
    public static async Task<(bool Done, string Error)> Chattr(string flag, string file)
    {
        try
        {
            using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, file]) { RedirectStandardError = true })!;
            var error = await chattr.StandardError.ReadToEndAsync();
            await chattr.WaitForExitAsync();
            return (chattr.ExitCode == 0, error.Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (false, ex.Message);
        }
    }
}
