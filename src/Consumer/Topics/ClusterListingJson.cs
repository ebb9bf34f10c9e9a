using System.Text;
using System.Text.Json;

namespace KafkaDemo.Consumer.Topics;

/// <summary>
/// The cluster listing as one JSON document, for <c>jq</c> and scripts:
/// <c>{"brokers":[{"id","host","port"}],"controller":id|null,"topics":[{"name","partitions":[{"partition","leader","replicas","isr","low","high"}]}]}</c>.
/// </summary>
public static class ClusterListingJson
{
    /// <summary>The listing as JSON text (UTF-8 written by <see cref="Utf8JsonWriter"/>, no reflection).</summary>
    public static string Write(ClusterListing listing)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("brokers");
            foreach (var broker in listing.Brokers)
            {
                json.WriteStartObject();
                json.WriteNumber("id", broker.Id);
                json.WriteString("host", broker.Host);
                json.WriteNumber("port", broker.Port);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (listing.ControllerId is { } controller)
            {
                json.WriteNumber("controller", controller);
            }
            else
            {
                json.WriteNull("controller");
            }

            json.WriteStartArray("topics");
            foreach (var topic in listing.Topics)
            {
                json.WriteStartObject();
                json.WriteString("name", topic.Name);
                json.WriteStartArray("partitions");
                foreach (var partition in topic.Partitions)
                {
                    json.WriteStartObject();
                    json.WriteNumber("partition", partition.Partition);
                    json.WriteNumber("leader", partition.Leader);
                    Numbers(json, "replicas", partition.Replicas);
                    Numbers(json, "isr", partition.InSync);
                    json.WriteNumber("low", partition.Low);
                    json.WriteNumber("high", partition.High);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Numbers(Utf8JsonWriter json, string name, IReadOnlyList<int> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
