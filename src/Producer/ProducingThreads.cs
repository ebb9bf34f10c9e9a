using System.Diagnostics;
using Confluent.Kafka;
using KafkaDemo.Cli;
using KafkaDemo.Clients;
using KafkaDemo.Clients.Telemetry;
using KafkaDemo.Producer.Delivery;
using KafkaDemo.Producer.Sources;
using KafkaDemo.Producer.Transactions;
using Microsoft.Extensions.Logging;

namespace KafkaDemo.Producer;

/// <summary>
/// The threads that send (<c>--threads</c> of them, through one shared producer): each waits its
/// turn, takes the next message from the source and produces it, inside the open transaction when
/// the run has one, until the source ends, the run is cancelled, the client fails or the
/// transactions stop. A full librdkafka queue makes a thread wait; a message is never dropped.
/// </summary>
public sealed class ProducingThreads(
    IProducer<byte[], byte[]> producer, DeliveryReportPoller poller, ProducerOptions options, DeliveryReporter reporter, ClientErrors errors, ILogger logger,
    string clientId)
{
    private static readonly TimeSpan s_queueFullBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_joinPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_stragglerGrace = TimeSpan.FromSeconds(1);

    private readonly KafkaMessages _messages = new(options);
    private long _sent;

    /// <summary>Messages handed to the producer so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>
    /// Sends from <paramref name="source"/> on <c>--threads</c> threads and returns when they have
    /// finished. A thread waiting for a line of stdin cannot be interrupted: once the run is
    /// cancelled, the threads get a short grace to finish, then are left behind.
    /// </summary>
    /// <param name="source">Where the messages come from.</param>
    /// <param name="transactions">The run's transactions, or null when it has none.</param>
    /// <param name="commitLimit">How long a commit may wait for its transaction's messages.</param>
    /// <param name="cancellationToken">Stops the sending (Ctrl+C).</param>
    public void Run(IMessageSource source, ProducerTransactions? transactions, TimeSpan commitLimit, CancellationToken cancellationToken)
    {
        var pacer = new Pacer(options.Interval);
        var threads = Enumerable.Range(1, options.Threads)
            .Select(n => new Thread(() => Work(source, pacer, transactions, commitLimit, cancellationToken))
            {
                IsBackground = true,
                Name = $"producer-{n}",
            })
            .ToList();
        threads.ForEach(t => t.Start());
        WorkerThreads.JoinWithin(threads, () => cancellationToken.IsCancellationRequested, s_stragglerGrace, s_joinPoll);
    }

    private void Work(IMessageSource source, Pacer pacer, ProducerTransactions? transactions, TimeSpan commitLimit, CancellationToken cancellationToken)
    {
        // When this thread last served delivery reports (see DeliveryReportPoller), and how it
        // waits for its --interval turn: serving them.
        long lastPoll = 0;
        Func<TimeSpan, bool> waitServing = due => poller.ServeWhileWaiting(due, cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested && !errors.Fatal && pacer.WaitTurn(waitServing) && source.TryNext(out var message)
                && !cancellationToken.IsCancellationRequested)
            {
                void Send()
                {
                    if (TryProduce(message, ref lastPoll, cancellationToken))
                    {
                        Interlocked.Increment(ref _sent);
                    }
                }

                if (transactions is null)
                {
                    Send();
                }
                else if (!transactions.Send(Send, commitLimit))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogCritical("Producing thread stopped: {Reason}", ex.Message);
            errors.MarkFatal();
        }
    }

    // Local_QueueFull means librdkafka's buffer is full: serve delivery reports and retry, never drop.
    private bool TryProduce(OutgoingMessage outgoing, ref long lastPoll, CancellationToken cancellationToken)
    {
        var message = _messages.From(outgoing);
        var started = Stopwatch.GetTimestamp();
        // The report needs the key and label only: the value is not kept alive until it comes back.
        var (key, label, bytes) = (outgoing.Key, outgoing.Label, outgoing.Value?.Length ?? 0);
        Action<DeliveryReport<byte[], byte[]>> onDelivery = delivery => reporter.Delivered(delivery, key, label, started, bytes);
        // The message's send span, ended by its delivery report; null (and no header) unless traces are recorded.
        var span = MessagingSpans.StartSend(options.Topic, key, outgoing.Value is null, outgoing.Partition, clientId);
        if (span is not null)
        {
            message.Headers = TraceHeaders.With(message.Headers, span);
            onDelivery = EndingSpan(onDelivery, span);
        }

        while (true)
        {
            try
            {
                if (outgoing.Partition is { } partition)
                {
                    producer.Produce(new TopicPartition(options.Topic, new Partition(partition)), message, onDelivery);
                }
                else
                {
                    producer.Produce(options.Topic, message, onDelivery);
                }

                reporter.Sent(bytes);
                poller.AfterProduce(started, ref lastPoll);
                return true;
            }
            catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    span?.SetStatus(ActivityStatusCode.Error, "not sent: the run was cancelled").Dispose();
                    return false;
                }

                poller.WaitForRoom(s_queueFullBackoff);
            }
            catch (ProduceException<byte[], byte[]> ex)
            {
                reporter.NotSent(outgoing, ex.Error.Reason);
                if (span is not null)
                {
                    MessagingSpans.Delivered(span, ex.Error, Partition.Any, Offset.Unset);
                }

                return true;
            }
        }
    }

    private static Action<DeliveryReport<byte[], byte[]>> EndingSpan(Action<DeliveryReport<byte[], byte[]>> onDelivery, Activity span) => delivery =>
    {
        onDelivery(delivery);
        MessagingSpans.Delivered(span, delivery.Error, delivery.Partition, delivery.Offset);
    };
}
