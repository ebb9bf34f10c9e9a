// Producer: sends note events ({"id", "event_type", "text"} as JSON, keyed by event type, with a
// content-type header) to a Kafka topic with an idempotent, acks=all producer, and prints one
// line per acknowledged delivery. Exit code 1 if any message was not delivered.
using KafkaDemo.Cli;
using KafkaDemo.Producer;

return await CommandLineHost.InvokeAsync(ProducerCommand.Create(), args);
