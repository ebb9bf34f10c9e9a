namespace KafkaDemo.Consumer;

/// <summary>
/// The first exception any consumer thread of a run failed with; later ones do not replace it.
/// Thread-safe: the instances fail on their own threads, and the run reads it once they stopped.
/// </summary>
internal sealed class FirstFailure
{
    private Exception? _first;

    /// <summary>The first failure recorded; null while none was.</summary>
    public Exception? Exception => Volatile.Read(ref _first);

    /// <summary>Records <paramref name="failure"/> unless one was recorded before; true when it was the first.</summary>
    public bool Record(Exception failure) => Interlocked.CompareExchange(ref _first, failure, null) is null;
}
