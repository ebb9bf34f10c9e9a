using System.Runtime.CompilerServices;
using KafkaDemo.Clients.Native;

namespace KafkaDemo.UnitTests;

/// <summary>
/// Starts loading librdkafka before any test of this assembly runs, as both programs do before
/// anything else touches a client. Some tests build a Confluent.Kafka client without a program's
/// start (completion's cluster question, a subcommand against no broker); without this, whichever
/// of them ran first would decide how Confluent.Kafka bound its functions for the whole run, and
/// <c>LoadedLibraryTests</c>, which checks that binding, would pass or fail by test order.
/// </summary>
internal static class LibraryLoadsFirst
{
#pragma warning disable CA2255 // Module initializers are meant for applications; a test assembly is where this one belongs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void StartLoading() => LoadedLibrary.LoadInBackground();
}
