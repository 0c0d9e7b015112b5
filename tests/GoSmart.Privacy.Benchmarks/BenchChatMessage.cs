using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GoSmart.Privacy;
using GoSmart.Privacy.GeneratedCode;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>A chat message: a positional record with init-only members, erased (not masked) — erasure that needs no new strings.</summary>
public sealed record BenchChatMessage(
    [DataSubjectId] string AuthorId,
    [PersonalField(DataCategories.ContentMessage)] string Text)
{
    [NotPersonalData] public Guid MessageId { get; init; }

    [PersonalField(DataCategories.BehaviorServiceUsage)] public DateTime SentAt { get; init; }

    [PersonalField(DataCategories.ContentMessage)] public string[]? AttachmentNames { get; init; }

    [PersonalField(DataCategories.DeviceIpAddress)] public IPAddress? SenderIp { get; init; }

    private static readonly string[] Attachments = ["minutes.pdf", "whiteboard.png"];
    private static readonly IPAddress Ip = IPAddress.Parse("203.0.113.77");

    public static BenchChatMessage Sample() => new("u-1815", "See you at the Analytical Society at eight.")
    {
        MessageId = Guid.Parse("0b7f6a0e-3c1e-4a57-9c51-5d1f3e1b2a99"),
        SentAt = new DateTime(2026, 11, 20, 19, 2, 0, DateTimeKind.Utc),
        AttachmentNames = Attachments,
        SenderIp = Ip,
    };

    /// <summary>Puts the values back without allocating, so each erasure does the full work.</summary>
    public static void Restore(BenchChatMessage m)
    {
        HandWrittenChat.SetText(m, "See you at the Analytical Society at eight.");
        HandWrittenChat.SetSentAt(m, new DateTime(2026, 11, 20, 19, 2, 0, DateTimeKind.Utc));
        HandWrittenChat.SetAttachmentNames(m, Attachments);
        HandWrittenChat.SetSenderIp(m, Ip);
    }
}

/// <summary>The floor for the chat message: the plan's work by hand, with the same accessors for init-only members.</summary>
public static class HandWrittenChat
{
    private static readonly JsonEncodedText AuthorId = JsonEncodedText.Encode("authorId");
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText SentAt = JsonEncodedText.Encode("sentAt");
    private static readonly JsonEncodedText AttachmentNames = JsonEncodedText.Encode("attachmentNames");
    private static readonly JsonEncodedText SenderIp = JsonEncodedText.Encode("senderIp");

    public static void WriteJson(Utf8JsonWriter w, BenchChatMessage m)
    {
        w.WriteStartObject();
        w.WriteString(AuthorId, m.AuthorId);
        w.WriteString(Text, m.Text);
        w.WriteString(SentAt, m.SentAt);
        w.WritePropertyName(AttachmentNames);
        if (m.AttachmentNames is { } names)
        {
            w.WriteStartArray();
            foreach (var name in names)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName(SenderIp);
        PersonalDataJsonValues.Write(w, m.SenderIp);
        w.WriteEndObject();
    }

    public static void Redact(BenchChatMessage m, RedactionReport r)
    {
        r.Reset();
        if (m.Text is not null) { r.Record(1); SetText(m, ""); }
        r.Record(2);
        SetSentAt(m, default);
        if (m.AttachmentNames is { } names)
        {
            var count = 0;
            foreach (var name in names)
            {
                count += name is null ? 0 : 1;
            }

            r.Record(3, count);
            if (count != 0)
            {
                SetAttachmentNames(m, []);
            }
        }

        if (m.SenderIp is not null) { r.Record(4); SetSenderIp(m, null); }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Text")]
    public static extern void SetText(BenchChatMessage m, string value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_SentAt")]
    public static extern void SetSentAt(BenchChatMessage m, DateTime value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_AttachmentNames")]
    public static extern void SetAttachmentNames(BenchChatMessage m, string[]? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_SenderIp")]
    public static extern void SetSenderIp(BenchChatMessage m, IPAddress? value);
}
