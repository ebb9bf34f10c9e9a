using System.CommandLine.Parsing;
using KafkaDemo.Producer.Keys;

namespace KafkaDemo.Producer;

/// <summary>The checks that span several of the Producer's root options, run by the parser before any action.</summary>
internal static class ProducerOptionChecks
{
    // A validator sees only what was typed: an absent option reads as default(T), not its default value.
    public static void Check(ProducerCommandDefinition d, CommandResult result)
    {

        if (result.GetResult(d.Interval) is not null && result.GetResult(d.Rate) is not null)
        {
            result.AddError("Give either --interval or --rate, not both.");
        }

        if (result.GetValue(d.Rate) is { } perSecond && !(perSecond > 0 && perSecond <= 1_000_000))
        {
            result.AddError("--rate must be more than 0 and at most 1000000.");
        }

        if (result.GetValue(d.Partition) is < 0)
        {
            result.AddError("--partition must be 0 or more.");
        }

        if (result.GetResult(d.NullMarker) is not null && (result.GetResult(d.Input) is null || d.InputFormat.ValueIn(result) != InputFormat.Lines))
        {
            result.AddError("--null-marker applies to --input with --input-format lines (jsonl envelopes carry null values as null).");
        }

        if (result.GetResult(d.TransactionalId) is null)
        {
            if (result.GetResult(d.TransactionSize) is not null)
            {
                result.AddError("--transaction-size needs --transactional-id.");
            }
        }
        else if (result.GetResult(d.Idempotence) is not null && result.GetValue(d.Idempotence) != "true" || result.GetResult(d.Acks) is not null && result.GetValue(d.Acks) != "all")
        {
            result.AddError("--transactional-id needs the idempotent producer: --idempotence true and --acks all.");
        }
        else if (result.GetResult(d.Count) is not null && result.GetValue(d.Count) == 0 && result.GetResult(d.Input) is null && result.GetValue(d.TransactionSize) == 0)
        {
            result.AddError("--count 0 runs until Ctrl+C, which aborts the open transaction: give --transaction-size as well.");
        }

        if (d.KeyStrategy.ValueIn(result) == KeyStrategy.Fixed && result.GetResult(d.Key) is null)
        {
            result.AddError("--key-strategy fixed needs --key.");
        }

        if (result.GetResult(d.Key) is not null && result.GetResult(d.KeyStrategy) is { Implicit: false } && d.KeyStrategy.ValueIn(result) != KeyStrategy.Fixed)
        {
            result.AddError("--key gives a fixed key; it cannot be combined with another --key-strategy.");
        }
    }
}
