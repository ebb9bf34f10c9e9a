namespace KafkaDemo.Cli.Terminal;

/// <summary>A terminal's size in character cells.</summary>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
public readonly record struct TerminalSize(int Width, int Height);
