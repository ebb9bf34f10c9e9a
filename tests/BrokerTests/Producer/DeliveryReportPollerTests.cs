using KafkaDemo.Cli;

namespace KafkaDemo.BrokerTests.Producer;

// The Producer serves its delivery reports itself, mostly right after it produces; these runs
// produce nothing for a while and still get their reports.
[Collection(BrokerCollection.Name)]
public class DeliveryReportPollerTests(BrokerFixture broker)
{
    [Fact]
    public async Task Lines_arriving_one_at_a_time_on_stdin_are_each_reported_delivered_while_the_input_stays_open()
    {
        var topic = await broker.CreateTopicAsync("slow-stdin", 1);
        await using var producer = StdinProducer.Start(broker.BootstrapServers, topic);

        await producer.SendAndWaitForDeliveries("first");
        await producer.SendAndWaitForDeliveries("second");
        await producer.SendAndWaitForDeliveries("third");

        Assert.Equal(ExitCodes.Success, await producer.EndInputAsync());
    }
}
