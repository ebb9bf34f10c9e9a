namespace KafkaDemo.TestSupport;

/// <summary>What was expected against what was observed.</summary>
/// <param name="Expected">Distinct sequence numbers that should have been observed.</param>
/// <param name="Observed">Messages observed, duplicates included.</param>
/// <param name="Lost">Expected sequences never observed.</param>
/// <param name="Duplicated">Observations beyond the first of a sequence.</param>
/// <param name="OutOfOrder">Times a key's sequence went backwards in partition-offset order.</param>
/// <param name="Unexpected">Observed sequences that were not expected.</param>
/// <param name="LostSequences">The first few lost sequence numbers, for the report.</param>
public sealed record Reconciliation(long Expected, long Observed, long Lost, long Duplicated, long OutOfOrder, long Unexpected, IReadOnlyList<long> LostSequences)
{
    /// <summary>Nothing lost, nothing doubled, every key in order.</summary>
    public bool IsExact => Lost == 0 && Duplicated == 0 && OutOfOrder == 0 && Unexpected == 0;

    /// <summary>
    /// Compares <paramref name="observed"/> with <paramref name="expected"/>. Order is judged per
    /// key: walking each partition by offset, the first sighting of each sequence of a key must
    /// come in increasing order (a replayed duplicate is not counted twice).
    /// </summary>
    public static Reconciliation Of(IEnumerable<long> expected, IEnumerable<ObservedMessage> observed)
    {
        var wanted = expected.ToHashSet();
        var messages = observed.ToList();
        var seen = new HashSet<long>();
        long duplicated = 0, unexpected = 0;
        foreach (var message in messages)
        {
            if (!seen.Add(message.Sequence))
            {
                duplicated++;
            }
            else if (!wanted.Contains(message.Sequence))
            {
                unexpected++;
            }
        }

        long outOfOrder = 0;
        foreach (var byKey in messages.GroupBy(m => (m.Key, m.Partition)))
        {
            var last = long.MinValue;
            var counted = new HashSet<long>();
            foreach (var message in byKey.OrderBy(m => m.Offset))
            {
                if (!counted.Add(message.Sequence))
                {
                    continue;
                }

                if (message.Sequence < last)
                {
                    outOfOrder++;
                }

                last = Math.Max(last, message.Sequence);
            }
        }

        var lost = wanted.Where(s => !seen.Contains(s)).Order().ToList();
        return new Reconciliation(wanted.Count, messages.Count, lost.Count, duplicated, outOfOrder, unexpected, [.. lost.Take(10)]);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"expected {Expected}, observed {Observed}, lost {Lost}, duplicated {Duplicated}, out of order {OutOfOrder}, unexpected {Unexpected}" +
        (LostSequences.Count > 0 ? $" (first lost: {string.Join(", ", LostSequences)})" : string.Empty);
}
