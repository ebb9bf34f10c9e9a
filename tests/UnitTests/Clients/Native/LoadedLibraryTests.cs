using System.Reflection;
using KafkaDemo.Clients.Native;

namespace KafkaDemo.UnitTests.Clients.Native;

public class LoadedLibraryTests
{
    [Fact]
    public void A_load_started_in_the_background_gives_the_library_to_its_first_user()
    {
        LoadedLibrary.LoadInBackground();

        Assert.NotEqual(IntPtr.Zero, LoadedLibrary.Handle);
        Assert.Contains("librdkafka", LoadedLibrary.Name, StringComparison.Ordinal);
        Assert.StartsWith("2.", RdKafka.VersionText(), StringComparison.Ordinal);
    }

    // Confluent.Kafka binds its functions to one class of imports per build: NativeMethods
    // ("librdkafka"), NativeMethods_Centos8 or NativeMethods_Alpine. Left to itself where the plain
    // build cannot load (Debian, Ubuntu), it binds NativeMethods, fails, and binds all of them again
    // to NativeMethods_Centos8. The assembly starts the load before any test (LibraryLoadsFirst),
    // as the programs do before any client is built.
    [Fact]
    public void Confluent_Kafka_binds_its_functions_once_to_the_build_that_loaded()
    {
        var name = LoadedLibrary.Name;

        var librdkafka = typeof(Confluent.Kafka.Library).Assembly.GetType("Confluent.Kafka.Impl.Librdkafka", throwOnError: true)!;
        var version = (Delegate)librdkafka.GetField("_version", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        Assert.Equal(name == "alpine-librdkafka" ? "NativeMethods_Alpine" : "NativeMethods", version.Method.DeclaringType!.Name);
    }
}
