using System.Diagnostics;
using KafkaDemo.Cli;

namespace KafkaDemo.BrokerTests.Consumer;

[Collection(BrokerCollection.Name)]
public class TailTests(BrokerFixture broker)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_tail_with_exit_at_end_shows_the_last_n_of_each_partition_whatever_the_group_committed()
    {
        var topic = await broker.CreateTopicAsync("tail-end", 3);
        await PartitionFiller.FillAsync(broker.BootstrapServers, topic, 0, 10);
        await PartitionFiller.FillAsync(broker.BootstrapServers, topic, 1, 2);
        var everything = await ProgramProcess.RunAsync("KafkaDemo.Consumer", $"-b {broker.BootstrapServers} -t {topic} -g {topic} --exit-at-end -q -o raw");

        var (exitCode, output, _) = await ProgramProcess.RunAsync("KafkaDemo.Consumer", $@"-b {broker.BootstrapServers} -t {topic} -g {topic} --tail 3 --exit-at-end -q --format %p:%o\n");

        Assert.Equal(12, everything.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(new Dictionary<int, List<long>> { [0] = [7, 8, 9], [1] = [0, 1] }, PartitionFiller.Offsets(output));
    }

    [Fact]
    public async Task A_tail_without_exit_at_end_follows_on_with_what_is_produced_after_it_started()
    {
        var topic = await broker.CreateTopicAsync("tail-follow", 2);
        await PartitionFiller.FillAsync(broker.BootstrapServers, topic, 0, 5);
        await PartitionFiller.FillAsync(broker.BootstrapServers, topic, 1, 1);
        var start = Programs.Start("KafkaDemo.Consumer", $@"-b {broker.BootstrapServers} -t {topic} -g {topic} --tail 2 -n 4 -q --format %p:%o\n");

        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                lines.Add((await process.StandardOutput.ReadLineAsync().WaitAsync(Bound))!);
            }

            await PartitionFiller.FillAsync(broker.BootstrapServers, topic, 1, 1);
            lines.Add((await process.StandardOutput.ReadLineAsync().WaitAsync(Bound))!);
            using var timeout = new CancellationTokenSource(Bound);
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        Assert.Equal(ExitCodes.Success, process.ExitCode);
        Assert.Equal(["0:3", "0:4", "1:0"], lines.Take(3).Order());
        Assert.Equal("1:1", lines[3]);
    }
}
