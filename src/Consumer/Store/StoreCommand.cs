using System.CommandLine;
using System.Globalization;
using KafkaDemo.Cli;
using Microsoft.Data.Sqlite;

namespace KafkaDemo.Consumer.Store;

/// <summary>
/// <c>consumer store</c>'s action: prints the notes and the stored offsets that <c>--store</c>
/// holds, then exits. Its options are in <see cref="StoreCommandDefinition"/>.
/// </summary>
public static class StoreCommand
{
    /// <summary>Runs a parse of <paramref name="definition"/>: the store and group it names, to the invocation's output.</summary>
    public static int Run(ParseResult parsed, StoreCommandDefinition definition) =>
        Run(parsed.GetValue(definition.Store), parsed.GetValue(definition.GroupId), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);

    /// <summary>
    /// Prints, writing nothing to the database; exit 1 with one line on stderr when the store
    /// cannot be read or the database holds none, 2 without <c>--store</c>.
    /// </summary>
    public static int Run(StoreTarget? target, string? groupId, TextWriter stdout, TextWriter stderr)
    {
        if (target is null)
        {
            stderr.WriteLine($"error: store needs --store <target> (or {ConsumerCommandDefinition.StoreVariable})");
            return ExitCodes.Usage;
        }

        if (target.Engine == StoreEngine.Sqlite && new SqliteConnectionStringBuilder(target.ConnectionString).DataSource is var path && !File.Exists(path))
        {
            stderr.WriteLine($"error: {target}: no such file");
            return ExitCodes.Failure;
        }

        IReadOnlyList<StoredNote> notes;
        IReadOnlyList<StoredOffset> offsets;
        long events;
        try
        {
            if (EventStore.OpenToRead(target) is not { } store)
            {
                stderr.WriteLine($"error: no store here: {target} has none of the tables a --store run creates");
                return ExitCodes.Failure;
            }

            events = store.EventCount();
            notes = store.Notes();
            offsets = store.Offsets(groupId);
        }
        catch (StoreException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.Failure;
        }

        foreach (var line in Render(target, events, notes, offsets))
        {
            stdout.WriteLine(line);
        }

        return ExitCodes.Success;
    }

    /// <summary>The two tables as aligned text.</summary>
    public static IReadOnlyList<string> Render(StoreTarget target, long events, IReadOnlyList<StoredNote> notes, IReadOnlyList<StoredOffset> offsets)
    {
        var lines = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{target} holds {events} events in note_events."), $"Notes in {target} ({notes.Count}):" };
        lines.AddRange(TextTable.Render(["NOTE", "STATE", "SET BY", "TEXT"], notes.Select(n => new[]
        {
            n.NoteId.ToString(CultureInfo.InvariantCulture),
            n.Deleted ? "deleted" : "live",
            string.Create(CultureInfo.InvariantCulture, $"{n.Topic}[{n.Partition}]@{n.Offset}"),
            Common.Decoding.Printable.Escape(n.Text ?? string.Empty),
        })));
        lines.Add(string.Empty);
        lines.Add("Stored offsets (the next offset each group reads):");
        lines.AddRange(TextTable.Render(["GROUP", "TOPIC", "PARTITION", "NEXT OFFSET"], offsets.Select(o => new[]
        {
            o.GroupId, o.Topic, o.Partition.ToString(CultureInfo.InvariantCulture), o.NextOffset.ToString(CultureInfo.InvariantCulture),
        })));
        return lines;
    }
}
