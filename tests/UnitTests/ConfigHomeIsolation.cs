using System.Runtime.CompilerServices;

namespace KafkaDemo.UnitTests;

/// <summary>Runs <see cref="global::KafkaDemo.TestSupport.EmptyConfigHome.Apply"/> before any test of this assembly.</summary>
internal static class ConfigHomeIsolation
{
#pragma warning disable CA2255 // Module initializers are meant for applications; a test assembly is where this one belongs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void UseAnEmptyConfigHome() => global::KafkaDemo.TestSupport.EmptyConfigHome.Apply();
}
