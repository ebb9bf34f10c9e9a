// Runs the tests' stand-in schema registry (tests/TestSupport/SchemaRegistry: the REST subset the
// Confluent client uses, no compatibility checks, nothing persisted) until its standard input
// closes or it is stopped; the first line on stdout is its address. Not a registry to deploy.
using KafkaDemo.TestSupport.SchemaRegistry;

await using var registry = InProcessSchemaRegistry.Start();
Console.WriteLine(registry.Url);
Console.Out.Flush();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
// Standard input closing (the script that started it went away) stops it too.
_ = Task.Run(() => { Console.In.ReadToEnd(); stop.Cancel(); });
await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
Console.Error.WriteLine("schema registry stopped");
