namespace KafkaDemo.Consumer;

/// <summary>
/// The run's stdout, shared by every instance: one line at a time, flushed on demand. A broken
/// output (a closed pipe, a full disk) stops the run instead of throwing, and every later flush
/// answers false, so nothing written after the break is taken as shown.
/// </summary>
internal sealed class OutputGate(TextWriter output, StopConditions stop)
{
    private readonly Lock _gate = new();

    /// <summary>Why the output stopped accepting lines; null while it works.</summary>
    public string? Failure { get; private set; }

    /// <summary>Writes one line to the output's buffer.</summary>
    public void Write(string line) => Emit(line, endLine: true);

    /// <summary>Writes <paramref name="text"/> as it is (a <c>--format</c> adds its own line breaks).</summary>
    public void WriteText(string text) => Emit(text, endLine: false);

    /// <summary>Pushes buffered lines out; false when the output is broken.</summary>
    public bool Flush()
    {
        lock (_gate)
        {
            if (Failure is not null)
            {
                return false;
            }

            try
            {
                output.Flush();
                return true;
            }
            catch (IOException ex)
            {
                Broke(ex);
                return false;
            }
        }
    }

    private void Emit(string text, bool endLine)
    {
        lock (_gate)
        {
            if (Failure is not null)
            {
                return;
            }

            try
            {
                output.Write(text);
                if (endLine)
                {
                    // '\n' on every system: jsonl and pipes want it, and it is what kcat writes.
                    output.Write('\n');
                }
            }
            catch (IOException ex)
            {
                Broke(ex);
            }
        }
    }

    private void Broke(IOException ex)
    {
        Failure = ex.Message;
        stop.MarkFatal();
    }
}
