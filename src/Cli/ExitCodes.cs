namespace KafkaDemo.Cli;

/// <summary>Process exit codes shared by every KafkaDemo program (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>The run failed: a message was not delivered, the broker was unreachable, a fatal client error.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown flag, bad value, unreadable file.</summary>
    public const int Usage = 2;
}
