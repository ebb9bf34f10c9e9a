using System.Text;

namespace KafkaDemo.Common;

/// <summary>
/// The names enum members go by on the command line and in output: kebab case, so
/// <c>KeyStrategy.EventType</c> is <c>event-type</c> and <c>PartitionerKind.Murmur2</c> is <c>murmur2</c>.
/// </summary>
public static class EnumNames
{
    /// <summary>The kebab-case name of <paramref name="value"/>.</summary>
    public static string NameOf<TEnum>(TEnum value)
        where TEnum : struct, Enum => Kebab(value.ToString());

    /// <summary>Every member's name, in declaration order.</summary>
    public static IReadOnlyList<string> Names<TEnum>()
        where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(NameOf)];

    /// <summary>The member named <paramref name="name"/> (any letter case); false for an unknown name.</summary>
    public static bool TryParse<TEnum>(string name, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var member in Enum.GetValues<TEnum>())
        {
            if (string.Equals(NameOf(member), name, StringComparison.OrdinalIgnoreCase))
            {
                value = member;
                return true;
            }
        }

        value = default;
        return false;
    }

    // A dash before every capital but the first, then lower case: AfterProcessing → after-processing.
    private static string Kebab(string name)
    {
        var kebab = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(name[i]));
        }

        return kebab.ToString();
    }
}
