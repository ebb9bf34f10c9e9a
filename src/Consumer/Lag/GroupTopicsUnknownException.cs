namespace KafkaDemo.Consumer.Lag;

/// <summary>The group coordinator could not list the topics a group has committed offsets for.</summary>
public sealed class GroupTopicsUnknownException(string reason, Exception inner) : Exception(reason, inner);
