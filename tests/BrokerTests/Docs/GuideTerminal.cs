namespace KafkaDemo.BrokerTests.Docs;

/// <summary>A command a guide's reader runs in another terminal: the step whose output it writes, its process, and how far expectations have read it.</summary>
public sealed class GuideTerminal(string id, int pid)
{
    public string Id { get; } = id;

    public int Pid { get; } = pid;

    public int Seen { get; set; }
}
