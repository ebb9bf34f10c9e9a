using System.Diagnostics;

namespace KafkaDemo.BrokerTests.Docs;

/// <summary>A process and its descendants, read from /proc: what a guide's terminal started.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<int> WithDescendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ParentOf(directory) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }

    /// <summary>Every live process whose environment holds <paramref name="variable"/>: what a guide's shell started, even where a parent died and left it to init.</summary>
    public static IReadOnlyList<int> Holding(string variable)
    {
        var marker = System.Text.Encoding.UTF8.GetBytes(variable + "\0");
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && IsAlive(pid) && Environ(pid).AsSpan().IndexOf(marker) >= 0)
            {
                found.Add(pid);
            }
        }

        return found;
    }

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "?";
        }
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && ParentOf($"/proc/{pid}") is not null && !IsZombie(pid);

    public static void Signal(IEnumerable<int> pids, string signal)
    {
        var start = new ProcessStartInfo("kill", ["-" + signal, .. pids.Select(p => p.ToString())]) { RedirectStandardError = true };
        using var kill = Process.Start(start)!;
        kill.WaitForExit();
    }

    private static int? ParentOf(string directory)
    {
        try
        {
            // /proc/<pid>/stat: "pid (name) state ppid ...", where the name may hold spaces and parentheses.
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1]);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static byte[] Environ(int pid)
    {
        try
        {
            return File.ReadAllBytes($"/proc/{pid}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
