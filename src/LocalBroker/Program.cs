// LocalBroker: an embedded Kafka for machines with no Docker and no Kafka install. It hosts
// librdkafka's mock cluster, pre-creates topics, prints the bootstrap servers and runs until
// Ctrl+C or SIGTERM. See MockCluster for what it can and cannot do.
using KafkaDemo.Cli;
using KafkaDemo.LocalBroker;

return await CommandLineHost.InvokeAsync(LocalBrokerCommand.Create(), args);
