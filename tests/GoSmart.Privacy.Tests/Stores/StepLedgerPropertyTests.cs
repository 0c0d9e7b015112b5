using FsCheck.Xunit;
using GoSmart.Privacy.Sqlite;
using Microsoft.Data.Sqlite;

namespace GoSmart.Privacy.Tests.Stores;

/// <summary>
/// The lease rule is written once (<c>StepLeases</c>) and every step ledger decides by it: over any sequence of
/// claims, renewals, finishes and releases by competing engine instances, the in-memory ledger and the SQLite one
/// give the same answer to every call and end with the same record — and the rule's invariants hold throughout.
/// </summary>
public sealed class StepLedgerPropertyTests
{
    private static readonly string[] Owners = ["crm-1", "crm-2", "chat-1"];

    [Property(MaxTest = 60)]
    public async Task<bool> Every_ledger_answers_a_lease_history_as_the_rule_does((byte Kind, byte Owner, byte Minutes)[] operations)
    {
        var directory = Directory.CreateTempSubdirectory("gosmart-lease-").FullName;
        try
        {
            var memory = new Stores(new InMemoryPrivacyRequestStore(), new InMemoryStepLedger(), new InMemoryEngineRegistry(), new InMemoryRestrictionStore(), new InMemoryPrivacyAuditLog(), new InMemoryConsentStore(new ConsentChain(TestKeys.Key)), new InMemoryLegalHoldStore(), new InMemoryRetentionSweepStore(), new InMemoryErasureReplayLedger(), new InMemorySubjectKeyStore());
            var sqlite = Stores.Over(new SqlitePrivacyDatabase("Data Source=" + Path.Combine(directory, "privacy.db")).Relational);
            var now = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
            var request = new PrivacyRequest { Id = Guid.NewGuid(), Kind = PrivacyRequestKind.Erasure, Subject = new SubjectRef("acme", "ada"), Status = PrivacyRequestStatus.InProgress, ReceivedAt = now, DueAt = now.AddMonths(1) };
            foreach (var stores in new[] { memory, sqlite })
            {
                await stores.Requests.AddOrGetOpenAsync(request, default);
                await stores.Steps.EnsureStepsAsync(request.Id, ["crm.contacts"], now, default);
            }

            string? holder = null;
            var attempts = 0;
            foreach (var (kind, o, minutes) in operations)
            {
                now = now.AddMinutes(minutes % 3);
                var owner = Owners[o % Owners.Length];
                var answers = new List<string>();
                foreach (var ledger in new[] { memory.Steps, sqlite.Steps })
                {
                    answers.Add(await ApplyAsync(ledger, request.Id, kind, owner, now));
                }

                if (answers[0] != answers[1])
                {
                    return false; // the two ledgers disagree on one call
                }

                // The invariants, read from the answers: a claim takes a free step and counts an attempt; only the holder renews or finishes.
                var answer = answers[0];
                if (answer.StartsWith("claimed", StringComparison.Ordinal))
                {
                    attempts++;
                    holder = owner;
                    if (answer != $"claimed by {owner}, attempt {attempts}")
                    {
                        return false;
                    }
                }
                else if (answer == "True" && kind % 4 is 2 or 3)
                {
                    if (holder != owner)
                    {
                        return false;
                    }

                    holder = null;
                }
                else if (answer == "True" && holder != owner)
                {
                    return false;
                }
            }

            var a = await memory.Steps.GetStepsAsync(request.Id, default);
            var b = await sqlite.Steps.GetStepsAsync(request.Id, default);
            return a.Count == 1 && b.Count == 1 && Shown(a[0]) == Shown(b[0]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Shown(StepRecord s) => $"{s.State} {s.Attempts} {s.Owner} {s.LeaseUntil:O} {s.UpdatedAt.UtcTicks} {s.Result?.Changed}";

    private static async Task<string> ApplyAsync(IStepLedger ledger, Guid requestId, byte kind, string owner, DateTimeOffset now)
    {
        switch (kind % 4)
        {
            case 0:
                var claimed = await ledger.TryClaimStepAsync(requestId, "crm.contacts", owner, now, now.AddMinutes(2), default);
                return claimed is null ? "not claimed" : $"claimed by {claimed.Owner}, attempt {claimed.Attempts}";
            case 1:
                return (await ledger.RenewLeaseAsync(requestId, "crm.contacts", owner, now.AddMinutes(2), default)).ToString();
            default:
                var current = (await ledger.GetStepsAsync(requestId, default)).Single();
                var outcome = kind % 4 == 2
                    ? current with { State = StepState.Completed, UpdatedAt = now, Result = HandlerResult.Empty with { Changed = 1 } }
                    : current with { State = StepState.Pending, UpdatedAt = now };
                return (await ledger.FinishStepAsync(outcome, owner, default)).ToString();
        }
    }
}
