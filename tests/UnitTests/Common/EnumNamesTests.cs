using KafkaDemo.Common;
using KafkaDemo.Common.Partitioning;
using KafkaDemo.Consumer;
using KafkaDemo.Producer.Keys;
using KafkaDemo.Producer;

namespace KafkaDemo.UnitTests.Common;

public class EnumNamesTests
{
    [Fact]
    public void Members_are_named_in_kebab_case_with_digits_kept_to_their_word()
    {
        Assert.Equal(["murmur2", "crc32", "uuid-modulo"], EnumNames.Names<PartitionerKind>());
        Assert.Equal(["event-type", "none", "uuid", "fixed"], EnumNames.Names<KeyStrategy>());
        Assert.Equal("after-processing", EnumNames.NameOf(CommitMode.AfterProcessing));
    }

    [Theory]
    [InlineData("uuid-modulo", PartitionerKind.UuidModulo)]
    [InlineData("CRC32", PartitionerKind.Crc32)]
    public void A_name_parses_back_to_its_member_whatever_its_letter_case(string name, PartitionerKind expected)
    {
        Assert.True(EnumNames.TryParse<PartitionerKind>(name, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("UuidModulo")]
    [InlineData("uuid_modulo")]
    [InlineData("")]
    public void Other_spellings_are_not_names(string name)
    {
        Assert.False(EnumNames.TryParse<PartitionerKind>(name, out _));
    }
}
