using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static GoSmart.Privacy.Tests.Consent.ConsentTestHost;

namespace GoSmart.Privacy.Tests.Consent;

public class ConsentPropertyTests
{
    private static readonly SubjectRef[] Subjects = [new("acme", "ada"), new("acme", "grace"), new("globex", "ada")];
    private static readonly string[] Purposes = [Email, Events, Analytics, TargetedAds];

    [Property(MaxTest = 80)]
    public async Task<bool> The_checks_always_equal_a_replay_of_the_ledger((byte Subject, byte Purpose, byte Op)[] ops)
    {
        await using var host = new ConsentTestHost();
        foreach (var (s, p, o) in ops)
        {
            var subject = Subjects[s % Subjects.Length];
            var purpose = Purposes[p % Purposes.Length];
            var decision = await Apply(host.Consent, subject, purpose, o);
            if (decision is ConsentDecision.Withdrawn or ConsentDecision.Objected && host.Consent.HasConsent(subject, purpose))
            {
                return false; // after a withdrawal or objection the very next check is false
            }
        }

        await using var cold = new ConsentTestHost(host.Store); // a restart: empty cache, same ledger
        foreach (var subject in Subjects)
        {
            foreach (var purpose in Purposes)
            {
                var expected = await Replay(host.Consent, subject, purpose);
                if (host.Consent.HasConsent(subject, purpose) != expected || cold.Consent.HasConsent(subject, purpose) != expected
                    || await cold.Consent.HasConsentAsync(subject, purpose) != expected)
                {
                    return false;
                }
            }
        }

        return (await host.Consent.VerifyIntegrityAsync("acme")).IsIntact && (await host.Consent.VerifyIntegrityAsync("globex")).IsIntact;
    }

    [Property(MaxTest = 30)]
    public async Task<bool> A_grant_counts_only_under_the_latest_material_notice(PositiveInt version)
    {
        await using var host = new ConsentTestHost();
        var v = (version.Get % 3) + 1; // Email: v1 material, v2 not, v3 material
        await host.Consent.GrantAsync(new ConsentGrant(Subjects[0], Email, ConsentMethod.Form, "crm.web") { NoticeVersion = v });
        return host.Consent.HasConsent(Subjects[0], Email) == (v >= 3);
    }

    public static Arbitrary<(int Length, int Index, int Kind)> Mutations() =>
        Gen.Choose(2, 25).SelectMany(n => Gen.Zip(Gen.Choose(0, n - 1), Gen.Choose(0, 2)).Select(t => (n, t.Item1, t.Item2))).ToArbitrary();

    [Property(MaxTest = 100, Arbitrary = [typeof(ConsentPropertyTests)])]
    public async Task<bool> Integrity_verification_finds_any_single_altered_removed_or_reordered_event((int Length, int Index, int Kind) mutation)
    {
        await using var host = new ConsentTestHost();
        for (var i = 0; i < mutation.Length; i++)
        {
            await Apply(host.Consent, Subjects[i % 2], Purposes[i % Purposes.Length], (byte)i);
        }

        if (!(await host.Consent.VerifyIntegrityAsync("acme")).IsIntact)
        {
            return false;
        }

        var index = mutation.Index;
        host.Store.Tamper("acme", events =>
        {
            switch (mutation.Kind)
            {
                case 0:
                    events[index] = events[index] with { Source = events[index].Source + " (edited)" };
                    break;
                case 1:
                    events.RemoveAt(index);
                    break;
                default:
                    var other = index == events.Count - 1 ? index - 1 : index + 1;
                    (events[index], events[other]) = (events[other], events[index]);
                    break;
            }
        });

        var report = await host.Consent.VerifyIntegrityAsync("acme");
        return !report.IsIntact && report.FirstBrokenSequence <= Math.Max(index, index + 1) + 1 && report.Problem is not null;
    }

    [Property(MaxTest = 100, Arbitrary = [typeof(ConsentPropertyTests)])]
    public async Task<bool> A_projection_pointed_at_any_other_event_is_found_and_rebuilt((int Length, int Index, int Kind) mutation)
    {
        await using var host = new ConsentTestHost();
        for (var i = 0; i < mutation.Length; i++)
        {
            await Apply(host.Consent, Subjects[i % 2], Purposes[i % Purposes.Length], (byte)i);
        }

        var events = await host.Store.ReadTenantAsync("acme", default).ToListAsync();
        var target = events[mutation.Index];
        var newest = events.Last(e => e.Subject == target.Subject && e.Purpose == target.Purpose);
        var other = events[(mutation.Index + 1 + mutation.Kind) % events.Count];
        if (other.Sequence == newest.Sequence)
        {
            return true; // pointing at the newest event is no tampering
        }

        host.Store.TamperProjection(target.Subject, target.Purpose, other);
        var found = await host.Consent.VerifyIntegrityAsync("acme");
        var rebuilt = await host.Consent.RebuildProjectionAsync("acme");
        return !found.IsIntact && found.Problem!.Contains("projection", StringComparison.Ordinal)
            && rebuilt.IsIntact
            && (await host.Store.GetLatestAsync(target.Subject, target.Purpose, default))!.Sequence == newest.Sequence;
    }

    [Fact]
    public async Task A_projection_is_not_rebuilt_from_a_broken_chain()
    {
        await using var host = new ConsentTestHost();
        await Apply(host.Consent, Subjects[0], Email, 0);
        await Apply(host.Consent, Subjects[0], Email, 1);
        host.Store.Tamper("acme", events => events[0] = events[0] with { Source = "forged" });

        var ex = await Assert.ThrowsAsync<PrivacyException>(() => host.Consent.RebuildProjectionAsync("acme"));

        Assert.Contains("restore the ledger from a backup", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_writers_on_one_subject_keep_one_consistent_chain()
    {
        await using var host = new ConsentTestHost();
        var ada = Subjects[0];

        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await Apply(host.Consent, ada, Email, (byte)(w + i));
            }
        })));

        var report = await host.Consent.VerifyIntegrityAsync("acme");
        var history = await host.Consent.HistoryAsync(ada).ToListAsync();
        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(400, report.EventsChecked);
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), history.Select(e => e.Sequence));
        Assert.Equal(history[^1].Decision == ConsentDecision.Granted, host.Consent.HasConsent(ada, Email));
    }

    /// <summary>Applies one random operation and returns its decision.</summary>
    private static async Task<ConsentDecision> Apply(IConsentService consent, SubjectRef subject, string purpose, byte op)
    {
        var requiresConsent = purpose != Analytics;
        switch (op % 3)
        {
            case 0 when requiresConsent:
                await consent.GrantAsync(new ConsentGrant(subject, purpose, ConsentMethod.Api, "test"));
                return ConsentDecision.Granted;
            case 1 when requiresConsent:
                await consent.WithdrawAsync(subject, purpose, ConsentMethod.Api, "test");
                return ConsentDecision.Withdrawn;
            default:
                await consent.ObjectAsync(subject, purpose, ConsentMethod.Api, "test");
                return ConsentDecision.Objected;
        }
    }

    /// <summary>The rule, computed from the history alone: the newest event decides.</summary>
    private static async Task<bool> Replay(IConsentService consent, SubjectRef subject, string purpose)
    {
        var latest = (await consent.HistoryAsync(subject).Where(e => e.Purpose == purpose).ToListAsync()).OrderBy(e => e.Sequence).LastOrDefault();
        return purpose == Analytics
            ? latest?.Decision != ConsentDecision.Objected
            : latest is { Decision: ConsentDecision.Granted, NoticeVersion: >= 3 } || (purpose != Email && latest is { Decision: ConsentDecision.Granted });
    }
}
