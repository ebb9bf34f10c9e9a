using System.Text;
using KafkaDemo.Cli;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Producer.Sources;

/// <summary>Opens the source a run asked for: generated note events, or lines of a file or stdin.</summary>
public static class MessageSources
{
    /// <summary>
    /// The source; <paramref name="input"/> is the file it reads, for the caller to dispose
    /// (null for generated events and stdin). An unreadable file is a usage error.
    /// </summary>
    public static IMessageSource Open(ProducerOptions options, ILogger logger, out IDisposable? input)
    {
        input = null;
        if (options.Input is null)
        {
            return new GeneratedEvents(options, logger);
        }

        TextReader reader;
        if (options.Input == "-")
        {
            reader = Console.In;
        }
        else
        {
            try
            {
                reader = new StreamReader(options.Input, Encoding.UTF8);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read input file '{options.Input}': {ex.Message}");
            }

            input = reader;
        }

        return new LineInput(reader, options, logger);
    }
}
