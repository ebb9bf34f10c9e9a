using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace KafkaDemo.Cli;

/// <summary>Diagnostics for the console programs: one line per entry, all of it on stderr.</summary>
public static class ConsoleLogging
{
    /// <summary>
    /// A logger factory writing entries at <paramref name="minimum"/> and above to stderr, one line
    /// each: readable text, or with <paramref name="json"/> one JSON object per line for log pipelines.
    /// </summary>
    public static ILoggerFactory Create(LogLevel minimum, bool json = false) =>
        LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(minimum).AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
            if (json)
            {
                builder.AddJsonConsole(options =>
                {
                    options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    options.UseUtcTimestamp = true;
                    options.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
                });
            }
            else
            {
                builder.AddSimpleConsole(options =>
                {
                    options.SingleLine = true;
                    options.TimestampFormat = "HH:mm:ss.fff ";
                });
            }
        });

    /// <summary>
    /// The factory <see cref="Create"/> gives, built only when the first entry at
    /// <paramref name="minimum"/> or above is written (see <see cref="DeferredLoggerFactory"/>).
    /// </summary>
    public static ILoggerFactory CreateOnFirstEntry(LogLevel minimum, bool json = false) =>
        new DeferredLoggerFactory(minimum, () => Create(minimum, json));

    /// <summary>Routes one librdkafka log line through <paramref name="logger"/> at the matching level.</summary>
    public static void Forward(ILogger logger, LogMessage message)
    {
        // FAIL lines repeat what the error callback already reported (see ClientErrors).
        var level = message.Facility == "FAIL" ? LogLevel.Debug : ToLogLevel(message.Level);
        logger.Log(level, "librdkafka {Facility}: {Message}", message.Facility, message.Message);
    }

    /// <summary>Maps librdkafka's syslog levels onto logging levels.</summary>
    public static LogLevel ToLogLevel(SyslogLevel level) => level switch
    {
        SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
        SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };
}
