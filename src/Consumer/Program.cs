// Consumer: joins a consumer group on a topic and prints every message on one line, decoding JSON
// note events and anything else as text, never crashing on a payload. Offsets are stored only
// after a message's line was flushed to stdout (at-least-once); Ctrl+C or SIGTERM commits them and
// leaves the group.
using KafkaDemo.Cli;
using KafkaDemo.Consumer;

await using var stdout = StandardOutput.Buffered();
return await CommandLineHost.InvokeAsync(ConsumerCommand.Create(), args, stdout);
