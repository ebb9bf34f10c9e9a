using System.Reflection;
using System.Runtime.InteropServices;

namespace KafkaDemo.Clients.Native;

/// <summary>
/// Finds the librdkafka that Confluent.Kafka loaded, so that our own native calls use that very
/// library. librdkafka.redist ships several Linux builds: the plain <c>librdkafka.so</c> needs
/// libsasl2.so.3 (absent on Debian and Ubuntu), and Confluent.Kafka falls back to
/// <c>centos8-librdkafka.so</c>, or uses <c>alpine-librdkafka.so</c> on musl. A bare
/// <c>[DllImport("librdkafka")]</c> knows none of that and fails where the plain build cannot load.
/// </summary>
/// <remarks>
/// Each name Confluent.Kafka knows is tried in its order, resolved through Confluent.Kafka's own
/// assembly, which probes the same places (the app's deps.json and its runtimes folder, or the
/// folder of a self-contained app); Confluent.Kafka then loads, and the operating system's loader
/// hands it the library that is already loaded, not a second copy. Where the first build cannot
/// load, Confluent.Kafka's first name is pointed at the build that did: its start-up binds every
/// native function once instead of twice, which is all that pointing buys (start-up time), and it
/// could go if Confluent.Kafka ever bound its functions cheaply.
/// </remarks>
public static class LoadedLibrary
{
    // The order Confluent.Kafka tries them in (its Impl/LibRdKafka.cs): the musl build only on
    // Alpine, otherwise the build with GSSAPI linkage first and the self-contained one after it.
    private static readonly string[] LinuxNames = ["librdkafka", "centos8-librdkafka"];
    private static readonly string[] AlpineNames = ["alpine-librdkafka"];

    // The build that loads, found (and Confluent.Kafka's first name pointed at it) before
    // Confluent.Kafka binds anything; null when none loads. Bound once Confluent.Kafka has loaded.
    private static readonly Lazy<(IntPtr Handle, string Name)?> Found = new(Find);
    private static readonly Lazy<(IntPtr Handle, string Name)> Bound = new(Bind);

    /// <summary>The library name our <c>[LibraryImport]</c> declarations use.</summary>
    public const string ImportName = "librdkafka";

    /// <summary>
    /// Makes <paramref name="assembly"/>'s imports of <see cref="ImportName"/> resolve to this
    /// library. .NET keeps one resolver per assembly, so each assembly with such imports calls it once.
    /// </summary>
    public static void BindImports(Assembly assembly) =>
        NativeLibrary.SetDllImportResolver(assembly, (name, _, _) => name == ImportName ? Handle : IntPtr.Zero);

    /// <summary>
    /// Finds the build that loads, then starts Confluent.Kafka's load on a pool thread, so that
    /// its start-up (it binds its delegates by reflection) runs while the caller goes on. Whoever
    /// needs the library first waits for it there, or loads it itself, a client's constructor
    /// included: the build is found on this thread, so either way Confluent.Kafka binds once. A
    /// library that cannot be loaded fails its first user. The pool thread exists only for start-up
    /// speed (figures in docs/performance.md); it could go if Confluent.Kafka's load became cheap,
    /// and nothing but start-up time would change.
    /// </summary>
    public static void LoadInBackground()
    {
        if (Succeeds(Found))
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => Succeeds(Bound), null);
        }
    }

    private static bool Succeeds<T>(Lazy<T> step)
    {
        try
        {
            _ = step.Value;
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Lazy keeps it: thrown again, and reported, where the library is first used.
            return false;
        }
    }

    /// <summary>The native handle of the library Confluent.Kafka loaded.</summary>
    public static IntPtr Handle => Bound.Value.Handle;

    /// <summary>The name the library was found under, for example <c>centos8-librdkafka</c>.</summary>
    public static string Name => Bound.Value.Name;

    private static (IntPtr, string) Bind()
    {
        var found = Found.Value;
        // Throws Confluent.Kafka's own DllNotFoundException, which lists what it tried.
        Confluent.Kafka.Library.Load();
        return found ?? throw new DllNotFoundException(
            $"Confluent.Kafka loaded librdkafka, but none of {string.Join(", ", CandidateNames())} resolves beside the app ({AppContext.BaseDirectory}) or its runtimes folder");
    }

    private static (IntPtr, string)? Find()
    {
        var client = typeof(Confluent.Kafka.Library).Assembly;
        var names = CandidateNames();
        for (var i = 0; i < names.Length; i++)
        {
            if (NativeLibrary.TryLoad(names[i], client, searchPath: null, out var handle))
            {
                if (i > 0 && names == LinuxNames)
                {
                    // Confluent.Kafka binds its ~250 functions by reflection to "librdkafka" first
                    // and, only when the first call fails, binds them all over again to the next
                    // build. Its first name resolving to the build that loads makes the first
                    // binding the last.
                    TryPointImports(client, handle);
                }

                return (handle, names[i]);
            }
        }

        return null;
    }

    // An application of its own may have set a resolver for Confluent.Kafka already; then
    // Confluent.Kafka finds the build itself, as slowly as it does without us.
    private static void TryPointImports(Assembly client, IntPtr handle)
    {
        try
        {
            NativeLibrary.SetDllImportResolver(client, (name, _, _) => name == ImportName ? handle : IntPtr.Zero);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static string[] CandidateNames() =>
        OperatingSystem.IsLinux() && IsAlpine() ? AlpineNames
        : OperatingSystem.IsLinux() ? LinuxNames
        : ["librdkafka"];

    // Confluent.Kafka tells Alpine apart by the ID= line of /etc/os-release; so do we.
    private static bool IsAlpine()
    {
        try
        {
            return File.ReadLines("/etc/os-release")
                .Any(line => line.StartsWith("ID=", StringComparison.Ordinal)
                          && line[3..].Trim('"', '\'').Equals("alpine", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
