using KafkaDemo.Clients.Telemetry;

namespace KafkaDemo.UnitTests.Clients.Telemetry;

public class ConsumerLagStatisticsTests
{
    // The parts of librdkafka's statistics JSON that the lag is read from.
    private static string Statistics(string client, params (string Topic, int Partition, long Lag)[] partitions)
    {
        var topics = partitions.GroupBy(p => p.Topic).Select(t =>
            "\"" + t.Key + "\": { \"topic\": \"" + t.Key + "\", \"partitions\": { "
            + string.Join(", ", t.Select(p => FormattableString.Invariant($"\"{p.Partition}\": {{ \"partition\": {p.Partition}, \"consumer_lag\": {p.Lag}, \"consumer_lag_stored\": 0 }}")))
            + " } }");
        return "{ \"name\": \"" + client + "\", \"type\": \"consumer\", \"topics\": { " + string.Join(", ", topics) + " } }";
    }

    [Fact]
    public void Each_assigned_partition_reports_its_lag_and_unknown_or_unassigned_ones_are_left_out()
    {
        var lag = new ConsumerLagStatistics();

        lag.Report(Statistics("c#1", ("notes", 0, 5), ("notes", 1, -1), ("notes", -1, 0), ("other", 2, 0)));

        Assert.Equal([("notes", 0, 5L), ("other", 2, 0L)], lag.Latest().OrderBy(l => l.Topic));
    }

    [Fact]
    public void A_client_report_replaces_its_previous_one_and_leaves_other_clients_alone()
    {
        var lag = new ConsumerLagStatistics();
        lag.Report(Statistics("c#1", ("notes", 0, 5)));
        lag.Report(Statistics("c#2", ("notes", 1, 7), ("notes", 0, -1)));

        lag.Report(Statistics("c#1", ("notes", 0, 2)));

        Assert.Equal([("notes", 0, 2L), ("notes", 1, 7L)], lag.Latest().OrderBy(l => l.Partition));
    }

    [Fact]
    public void A_report_that_does_not_parse_changes_nothing()
    {
        var lag = new ConsumerLagStatistics();
        lag.Report(Statistics("c#1", ("notes", 0, 5)));

        lag.Report("{ not json");

        Assert.Equal([("notes", 0, 5L)], lag.Latest());
    }
}
