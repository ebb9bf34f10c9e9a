namespace KafkaDemo.BrokerTests.Docs;

/// <summary>Ends what a guide started: its terminals, as a reader's Ctrl+C would, and anything else it left running.</summary>
public static class GuideProcesses
{
    /// <summary>Stops every terminal with SIGTERM; one still running after 30 s is a failure (and gets SIGKILL).</summary>
    public static void StopTerminals(IEnumerable<GuideTerminal> terminals, GuideRun run)
    {
        var trees = terminals.Select(t => ProcessTree.WithDescendants(t.Pid)).ToList();
        var all = trees.SelectMany(t => t).Where(ProcessTree.IsAlive).ToList();
        if (all.Count == 0)
        {
            return;
        }

        ProcessTree.Signal(all, "TERM");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (all.Any(ProcessTree.IsAlive) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        var left = all.Where(ProcessTree.IsAlive).ToList();
        if (left.Count > 0)
        {
            run.Failure ??= $"{run.Guide}: processes {string.Join(", ", left)} of its terminals did not stop within 30 s of SIGTERM";
            ProcessTree.Signal(left, "KILL");
        }
    }

    /// <summary>A process the guide started and nothing stopped (a kill that missed its target) is a failure, and is killed.</summary>
    public static void StopLeftovers(GuideShell shell, GuideRun run)
    {
        var left = ProcessTree.Holding("GUIDE_WORK=" + shell.Work).Where(pid => pid != shell.Pid).ToList();
        if (left.Count > 0)
        {
            run.Failure ??= $"{run.Guide}: still running after its last step and its terminals stopped: " +
                string.Join("; ", left.Select(pid => $"{pid} {ProcessTree.CommandLine(pid)}"));
            ProcessTree.Signal(left, "KILL");
        }
    }
}
