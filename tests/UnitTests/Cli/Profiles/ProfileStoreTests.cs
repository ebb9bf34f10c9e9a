using KafkaDemo.Cli;
using KafkaDemo.Cli.Profiles;

namespace KafkaDemo.UnitTests.Cli.Profiles;

// File modes are Unix permissions; on Windows the file is protected by its folder's ACL instead.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProfileStoreTests : IDisposable
{
    private readonly ProfileHome _home = new();

    [Fact]
    public void XDG_CONFIG_HOME_decides_where_the_file_is()
    {
        var store = ProfileStore.Locate(CommandLine.Environment(("XDG_CONFIG_HOME", "/xdg"), ("HOME", "/home/someone")));

        Assert.Equal("/xdg/kafkademo/profiles.json", store.Path);
    }

    // On Linux; elsewhere the .NET application-data folder.
    [Theory]
    [InlineData("")]
    [InlineData("relative/dir")]
    public void Without_an_absolute_XDG_CONFIG_HOME_the_file_is_under_the_homes_dot_config_on_Linux(string xdg)
    {
        var store = ProfileStore.Locate(CommandLine.Environment(("XDG_CONFIG_HOME", xdg), ("HOME", "/home/someone")));

        Assert.Equal("/home/someone/.config/kafkademo/profiles.json", store.Path);
    }

    [Fact]
    public void A_saved_file_is_readable_by_its_owner_only_and_reads_back_the_same()
    {
        var store = ProfileStore.Locate(_home.Environment());
        var document = new ProfilesDocument { Current = "p" };
        document.Clusters["p"] = new ClusterProfile { BootstrapServers = "p:9092", Topic = "t", Properties = { ["sasl.password"] = "env:P" } };

        store.Save(document);
        var read = ProfileStore.Locate(_home.Environment()).Load();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_home.File));
        Assert.Equal("p", read.Current);
        Assert.Equal(("p:9092", "t", "env:P"), (read.Clusters["p"].BootstrapServers, read.Clusters["p"].Topic, read.Clusters["p"].Properties["sasl.password"]));
    }

    [Theory]
    [InlineData("""{ "clusters": { "p": { "bootstrapServers": "b", "properties": { "sasl.password": "x" } } } }""", true, true)]
    [InlineData("""{ "clusters": { "p": { "bootstrapServers": "b", "schemaRegistry": { "auth": "u:x" } } } }""", true, true)]
    [InlineData("""{ "clusters": { "p": { "bootstrapServers": "b", "properties": { "sasl.password": "x" } } } }""", false, false)]
    [InlineData("""{ "clusters": { "p": { "bootstrapServers": "b", "properties": { "sasl.password": "env:P" } } } }""", true, false)]
    [InlineData("""{ "clusters": { "p": { "bootstrapServers": "b", "properties": { "sasl.username": "u" } } } }""", true, false)]
    public void Only_a_file_others_can_read_that_holds_a_password_in_clear_gets_the_warning(string json, bool othersCanRead, bool warned)
    {
        _home.Write(json);
        File.SetUnixFileMode(_home.File, UnixFileMode.UserRead | UnixFileMode.UserWrite | (othersCanRead ? UnixFileMode.GroupRead | UnixFileMode.OtherRead : 0));
        var store = ProfileStore.Locate(_home.Environment());

        Assert.Equal(warned, store.PermissionWarning(store.Load()) is not null);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_a_usage_error_naming_the_file_and_not_quoting_it()
    {
        _home.Write("""{ "clusters": { "p": { "properties": { "sasl.password": hunter2 } } } }""");

        var error = Assert.Throws<UsageException>(() => ProfileStore.Locate(_home.Environment()).Load());

        Assert.Contains(_home.File, error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    public void Dispose() => _home.Dispose();
}
