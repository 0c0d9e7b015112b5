using System.Runtime.CompilerServices;
using GoSmart.Privacy.Tests.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GoSmart.Privacy.Tests.Requests;

/// <summary>One tenant's row in a test database.</summary>
internal sealed record Row<T>(string TenantId, T Value);

/// <summary>An in-memory "CRM database" and "chat database" shared by a host's handlers, surviving a simulated restart.</summary>
internal sealed class TestData
{
    public List<Row<Contact>> Contacts { get; } = [];

    public List<Row<ChatMessage>> Messages { get; } = [];

    /// <summary>How many times each handler ran, by name.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> Runs { get; } = new();

    /// <summary>Failures to inject: handler name → how many of its next runs throw.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> FailNext { get; } = new();

    /// <summary>When set, the named handler waits on it (to stop a processor mid-request).</summary>
    public Dictionary<string, TaskCompletionSource> Gates { get; } = [];

    public Contact AddContact(string tenant, Guid id, string name, string email)
    {
        var contact = new Contact
        {
            Id = id,
            TenantId = tenant,
            FirstName = name,
            Email = email,
            Company = "Analytical Engines Ltd",
            LifetimeValue = 1299m,
            Address = new Address { Street = "12 St James's Square", City = "London" },
            Phones = [new Phone { Number = "+44 20 7946 0018" }],
        };
        lock (Contacts)
        {
            Contacts.Add(new Row<Contact>(tenant, contact));
        }

        return contact;
    }

    public ChatMessage AddMessage(string tenant, string author, string text, params Participant[] mentions)
    {
        var message = new ChatMessage(author, text) { MessageId = Guid.NewGuid(), SentAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), Mentions = mentions };
        lock (Messages)
        {
            Messages.Add(new Row<ChatMessage>(tenant, message));
        }

        return message;
    }

    public async Task EnterAsync(string handler, CancellationToken cancellationToken)
    {
        Runs.AddOrUpdate(handler, 1, (_, n) => n + 1);
        if (Gates.TryGetValue(handler, out var gate))
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (FailNext.TryGetValue(handler, out var remaining) && remaining > 0)
        {
            FailNext[handler] = remaining - 1;
            throw new InvalidOperationException("simulated transient failure of " + handler);
        }
    }
}

internal sealed class CrmContactsHandler(TestData data) : IPersonalDataExporter, IErasureHandler, IRectificationHandler
{
    public string Name => "crm.contacts";

    public IReadOnlyCollection<Type> Covers { get; } = [typeof(Contact)];

    public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await data.EnterAsync(Name + ".export", cancellationToken);
        foreach (var row in Mine(subject))
        {
            yield return DeepCopy.Of(row.Value);
        }
    }

    public async Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
    {
        await data.EnterAsync(Name, cancellationToken);
        foreach (var row in Mine(context.Subject))
        {
            var contact = row.Value;
            context.Apply(ref contact);
        }

        context.RecordRecipientNotified("newsletter-provider");
    }

    public async Task RectifyAsync(IRectificationContext context, CancellationToken cancellationToken)
    {
        await data.EnterAsync(Name + ".rectify", cancellationToken);
        foreach (var correction in context.Corrections.Where(c => c.IsFor(typeof(Contact))))
        {
            var count = 0;
            foreach (var row in Mine(context.Subject))
            {
                typeof(Contact).GetProperty(correction.MemberPath)!.SetValue(row.Value, correction.Value);
                count++;
            }

            context.RecordApplied(correction, count);
        }
    }

    private List<Row<Contact>> Mine(SubjectRef subject)
    {
        lock (data.Contacts)
        {
            return [.. data.Contacts.Where(r => r.TenantId == subject.TenantId && subject.Is(r.Value.Id))];
        }
    }
}

internal sealed class ChatMessagesHandler(TestData data) : IPersonalDataExporter, IErasureHandler
{
    public string Name => "chat.messages";

    public IReadOnlyCollection<Type> Covers { get; } = [typeof(ChatMessage)];

    /// <summary>The subject's messages and the messages that mention them (someone else's records: Art. 15(4)).</summary>
    public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await data.EnterAsync(Name + ".export", cancellationToken);
        List<Row<ChatMessage>> rows;
        lock (data.Messages)
        {
            rows = [.. data.Messages.Where(r => r.TenantId == subject.TenantId && (r.Value.AuthorId == subject.SubjectId || r.Value.Mentions.Any(m => m.UserId == subject.SubjectId)))];
        }

        foreach (var row in rows)
        {
            yield return DeepCopy.Of(row.Value);
        }
    }

    public async Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
    {
        await data.EnterAsync(Name, cancellationToken);
        List<Row<ChatMessage>> rows;
        lock (data.Messages)
        {
            rows = [.. data.Messages.Where(r => r.TenantId == context.Subject.TenantId && r.Value.AuthorId == context.Subject.SubjectId)];
        }

        foreach (var row in rows)
        {
            var message = row.Value;
            context.Apply(ref message);
        }
    }
}

/// <summary>Builds a host: the SDK, the CRM and chat handlers over shared data, a fake clock, no retry delay.</summary>
internal sealed class RequestTestHost : IAsyncDisposable
{
    public RequestTestHost(TestData? data = null, IIdentityVerifier? verifier = null, Action<PrivacyOptions>? configure = null, IPrivacyRequestStore? store = null, IRestrictionStore? restrictions = null, IPrivacyAuditLog? audit = null, bool registerHandlers = true, Action<IPrivacyBuilder>? handlers = null, FakeTimeProvider? time = null, IStepLedger? steps = null, IEngineRegistry? engines = null)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero));
        Data = data ?? new TestData();
        Store = store ?? new InMemoryPrivacyRequestStore();
        Steps = steps ?? new InMemoryStepLedger();
        Engines = engines ?? new InMemoryEngineRegistry();
        Audit = audit ?? new InMemoryPrivacyAuditLog();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Data);
        services.AddSingleton(Store);
        services.AddSingleton(Steps);
        services.AddSingleton(Engines);
        services.AddSingleton(Audit);
        services.AddSingleton(restrictions ?? new InMemoryRestrictionStore());
        var builder = services.AddGoSmartPrivacy(o =>
        {
            o.PseudonymKey = Convert.ToBase64String(TestKeys.Key);
            o.RetryDelay = TimeSpan.Zero;
            o.HandlerRetries = 2;
            configure?.Invoke(o);
        });
        if (registerHandlers)
        {
            builder.AddExporter<CrmContactsHandler>().AddErasureHandler<CrmContactsHandler>().AddRectificationHandler<CrmContactsHandler>()
                .AddExporter<ChatMessagesHandler>().AddErasureHandler<ChatMessagesHandler>();
        }

        handlers?.Invoke(builder);
        if (verifier is not null)
        {
            services.AddSingleton<IIdentityVerifier>(verifier);
        }
        else
        {
            builder.UseIdentityVerifier<AuthenticatedSubjectVerifier>();
        }

        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Service = Provider.GetRequiredService<IPrivacyRequestService>();
    }

    public FakeTimeProvider Time { get; }

    public TestData Data { get; }

    public IPrivacyRequestStore Store { get; }

    public IStepLedger Steps { get; }

    public IEngineRegistry Engines { get; }

    public IPrivacyAuditLog Audit { get; }

    public ServiceProvider Provider { get; }

    public IPrivacyRequestService Service { get; }

    public IProcessingRestrictions Restrictions => Provider.GetRequiredService<IProcessingRestrictions>();

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
