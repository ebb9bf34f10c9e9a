using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenTelemetry;

namespace KafkaDemo.Clients.Telemetry;

/// <summary>
/// <c>--trace console</c>: one line per span on stderr (name, trace and span ids, parent, links,
/// duration, attributes). Ours rather than OpenTelemetry.Exporter.Console because that one writes
/// to stdout, which carries the programs' data, and spends a dozen lines on each span.
/// </summary>
public sealed class StderrSpanExporter(TextWriter error) : BaseExporter<Activity>
{
    /// <inheritdoc />
    public override ExportResult Export(in Batch<Activity> batch)
    {
        var lines = new StringBuilder();
        foreach (var span in batch)
        {
            lines.Append(CultureInfo.InvariantCulture, $"span {span.DisplayName} | trace={span.TraceId} span={span.SpanId}");
            if (span.ParentSpanId != default)
            {
                lines.Append(CultureInfo.InvariantCulture, $" parent={span.ParentSpanId}");
            }

            foreach (var link in span.Links)
            {
                lines.Append(CultureInfo.InvariantCulture, $" link={link.Context.TraceId}/{link.Context.SpanId}");
            }

            lines.Append(CultureInfo.InvariantCulture, $" | {span.Duration.TotalMilliseconds:F1} ms");
            if (span.Status == ActivityStatusCode.Error)
            {
                lines.Append(CultureInfo.InvariantCulture, $" | error: {span.StatusDescription}");
            }

            foreach (var (name, value) in span.TagObjects)
            {
                lines.Append(CultureInfo.InvariantCulture, $" | {name}={value}");
            }

            lines.Append('\n');
        }

        lock (error)
        {
            error.Write(lines.ToString());
            error.Flush();
        }

        return ExportResult.Success;
    }
}
