using System.Diagnostics;
using System.Runtime.CompilerServices;
using GoSmart.Privacy;
using Microsoft.Extensions.DependencyInjection;
using GoSmart.Privacy.Verification;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>
/// Exports a subject's chat history of N messages through the request engine to a stream that discards bytes,
/// and reports the process's peak memory: the access package must stay flat in the number of records. Run as
/// <c>-- --export-memory 1000000</c>, ideally under <c>DOTNET_GCHeapHardLimit=0x4000000</c> (a 64 MB managed heap).
/// </summary>
public static class ExportMemoryProbe
{
    public static async Task<int> RunAsync(int messages, AccessPackageFormat format)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new ManyMessages(messages));
        services.AddGoSmartPrivacy(o => o.PseudonymKey = Convert.ToBase64String(new byte[32]))
            .AddExporter<ManyMessagesExporter>()
            .UseIdentityVerifier<AuthenticatedSubjectVerifier>();
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPrivacyRequestService>();
        var request = await engine.SubmitAsync(new PrivacyRequestSubmission(PrivacyRequestKind.Access, new SubjectRef("acme", "u-1815")));

        var counting = new CountingStream();
        var clock = Stopwatch.StartNew();
        await engine.WriteAccessPackageAsync(request.Id, counting, format);
        clock.Stop();

        Console.WriteLine($"messages: {messages:N0}");
        Console.WriteLine($"format: {format}");
        Console.WriteLine($"package bytes: {counting.Length:N0}");
        MemoryReport.Print(clock.Elapsed);
        return 0;
    }

    /// <summary>How many messages the probe's exporter yields.</summary>
    public sealed record ManyMessages(int Count);

    /// <summary>Yields the subject's messages one at a time, as a database reader would.</summary>
    public sealed class ManyMessagesExporter(ManyMessages many) : IPersonalDataExporter
    {
        public string Name => "chat.messages";

        public IReadOnlyCollection<Type> Covers { get; } = [typeof(BenchChatMessage)];

        public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < many.Count; i++)
            {
                if (i % 10_000 == 0)
                {
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                }

                yield return new BenchChatMessage(subject.SubjectId, "Message number " + i + " about the Analytical Society's next meeting.")
                {
                    MessageId = Guid.NewGuid(),
                    SentAt = start.AddSeconds(i),
                };
            }
        }
    }

    /// <summary>A write-only stream that counts bytes and keeps none.</summary>
    internal sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
