using Confluent.Kafka;
using KafkaDemo.LocalBroker;

namespace KafkaDemo.Soak;

/// <summary>Injects one fault after another, each for a few seconds, cycling until stopped.</summary>
internal sealed class FaultSchedule(MockCluster cluster, string topic, string group, bool withProduceErrors, TextWriter log)
{
    private static readonly TimeSpan s_faultLength = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan s_calm = TimeSpan.FromSeconds(8);

    public int Injected { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var faults = new (string Name, Action Start, Action End)[]
        {
            ("leader broker 1 down", () => cluster.SetBrokerDown(1), () => cluster.SetBrokerUp(1)),
            ("500 ms round trips on every broker", () => cluster.SetRoundTripTime(-1, TimeSpan.FromMilliseconds(500)), () => cluster.SetRoundTripTime(-1, TimeSpan.Zero)),
            ("group coordinator broker 2 down", () => cluster.SetBrokerDown(2), () => cluster.SetBrokerUp(2)),
            ("fetch errors burst", () => cluster.PushRequestErrors(KafkaApi.Fetch,
                ErrorCode.NotLeaderForPartition, ErrorCode.UnknownTopicOrPart, ErrorCode.RequestTimedOut), () => { }),
            ("partition 0 leader moved to broker 3", () => cluster.SetPartitionLeader(topic, 0, 3), () => cluster.SetPartitionLeader(topic, 0, 1)),
        };

        if (withProduceErrors)
        {
            // Off by default: on the mock broker such a burst makes the idempotent producer lose one
            // acknowledged message (see MockLimitationTests). This flag reproduces it.
            faults = [.. faults, ("produce errors burst", () => cluster.PushRequestErrors(KafkaApi.Produce,
                ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.NotEnoughReplicas, ErrorCode.RequestTimedOut), () => { })];
        }

        cluster.SetGroupCoordinator(group, 2);
        for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            if (!await Wait(s_calm, cancellationToken))
            {
                break;
            }

            var (name, start, end) = faults[i % faults.Length];
            await log.WriteLineAsync($"soak: fault {i + 1}: {name}");
            start();
            Injected++;
            await Wait(s_faultLength, CancellationToken.None);
            end();
        }
    }

    private static async Task<bool> Wait(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
