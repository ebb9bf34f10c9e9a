using KafkaDemo.BrokerTests.Brokers;

namespace KafkaDemo.BrokerTests.Brokers;

// Pure tests of the choice: no broker and no Docker engine are needed, so every branch runs here,
// including the Testcontainers one that only GitHub's runners and users' machines can take.
public class BrokerSelectionTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private static Func<bool> Docker(bool answers, List<string>? asked = null) => () =>
    {
        asked?.Add("docker");
        return answers;
    };

    [Fact]
    public void Bootstrap_servers_in_the_environment_win_and_docker_is_not_even_asked()
    {
        var asked = new List<string>();

        var choice = BrokerSelection.Choose(Environment(("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), ("KAFKA_TEST_BROKER", "embedded")), Docker(true, asked));

        Assert.Equal(new BrokerChoice(BrokerKind.External, "kafka:9092", "KAFKA_BOOTSTRAP_SERVERS is set"), choice);
        Assert.Empty(asked);
    }

    [Fact]
    public void With_a_docker_engine_answering_the_official_kafka_image_is_started()
    {
        var choice = BrokerSelection.Choose(Environment(), Docker(true));

        Assert.Equal(BrokerKind.Testcontainers, choice.Kind);
        Assert.Equal("apache/kafka:4.1.0", choice.Target);
    }

    [Fact]
    public void Kafka_test_image_picks_the_container_image()
    {
        var choice = BrokerSelection.Choose(Environment(("KAFKA_TEST_IMAGE", "apache/kafka:3.9.1")), Docker(true));

        Assert.Equal((BrokerKind.Testcontainers, "apache/kafka:3.9.1"), (choice.Kind, choice.Target));
    }

    [Fact]
    public void Without_docker_the_embedded_cluster_is_used_and_the_reason_says_so()
    {
        var choice = BrokerSelection.Choose(Environment(), Docker(false));

        Assert.Equal(BrokerKind.Embedded, choice.Kind);
        Assert.Contains("no Docker engine answers", choice.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_bootstrap_variable_counts_as_unset(string blank)
    {
        var choice = BrokerSelection.Choose(Environment(("KAFKA_BOOTSTRAP_SERVERS", blank)), Docker(false));

        Assert.Equal(BrokerKind.Embedded, choice.Kind);
    }

    [Fact]
    public void Kafka_test_broker_embedded_keeps_the_mock_even_where_docker_answers()
    {
        var asked = new List<string>();

        var choice = BrokerSelection.Choose(Environment(("KAFKA_TEST_BROKER", "Embedded")), Docker(true, asked));

        Assert.Equal(BrokerKind.Embedded, choice.Kind);
        Assert.Empty(asked);
    }

    [Fact]
    public void Kafka_test_broker_testcontainers_without_docker_fails_instead_of_falling_back()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            BrokerSelection.Choose(Environment(("KAFKA_TEST_BROKER", "testcontainers")), Docker(false)));

        Assert.Equal("KAFKA_TEST_BROKER=testcontainers, but no Docker engine answers", error.Message);
    }

    [Fact]
    public void An_unknown_kafka_test_broker_value_is_refused_with_the_choices()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            BrokerSelection.Choose(Environment(("KAFKA_TEST_BROKER", "redpanda")), Docker(true)));

        Assert.Equal("KAFKA_TEST_BROKER=redpanda is not one of auto, testcontainers, embedded", error.Message);
    }
}
