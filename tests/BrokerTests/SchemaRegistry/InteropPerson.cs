namespace KafkaDemo.BrokerTests.SchemaRegistry;

/// <summary>What Confluent's JsonDeserializer reads the Producer's JSON Schema values into; named as the JSON names them.</summary>
#pragma warning disable IDE1006 // The JSON's member names, which the deserializer matches.
public sealed class InteropPerson
{
    public string name { get; set; } = "";

    public int? age { get; set; }
}
