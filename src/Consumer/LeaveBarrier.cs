namespace KafkaDemo.Consumer;

/// <summary>
/// Instances of one run commit before any of them leaves the group: the first to leave starts a
/// rebalance, and a commit the others tried during it would fail.
/// </summary>
internal sealed class LeaveBarrier(int instances)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(5);
    private readonly Barrier _leaving = new(instances);

    /// <summary>
    /// Called by an instance after its final commit, before it leaves the group: waits (a few
    /// seconds at most) until every instance has committed.
    /// </summary>
    public void CommittedBeforeLeaving() => _leaving.SignalAndWait(s_wait);

    /// <summary>An instance that stopped without committing; the others do not wait for it.</summary>
    public void LeavingWithoutCommit()
    {
        try
        {
            _leaving.RemoveParticipant();
        }
        catch (InvalidOperationException)
        {
            // The others have stopped waiting already.
        }
    }
}
