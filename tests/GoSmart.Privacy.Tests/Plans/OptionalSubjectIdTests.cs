using GoSmart.Privacy.Requests.Handlers;
using GoSmart.Privacy.Tests.Models;

namespace GoSmart.Privacy.Tests.Plans;

/// <summary>
/// A nullable <c>[DataSubjectId]</c> (an optional point of contact, a note's author who left): allowed by the
/// analyzer and both plan builders, read as no one when null, and skipped by erasure of a subject's parts.
/// </summary>
public sealed class OptionalSubjectIdTests
{
    private static readonly Guid Ada = new("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21");
    private static readonly Guid Grace = new("0b6f5a0e-3c55-4d43-9a2e-6c1f8e3b2a10");

    public static TheoryData<bool> Builders => [true, false];

    private static IPersonalDataPlan<T> Plan<T>(bool generated) => generated ? PersonalDataPlans.For<T>() : PersonalDataPlans.ForReflection<T>();

    [Theory]
    [MemberData(nameof(Builders))]
    public void A_null_subject_id_belongs_to_no_one(bool generated)
    {
        var plan = Plan<Deal>(generated);

        Assert.Equal(generated ? PlanSource.Generated : PlanSource.Reflection, plan.Source);
        Assert.Equal("PointOfContactId", plan.SubjectIdPath);
        Assert.Null(plan.GetSubjectId(new Deal()));
        Assert.Equal(Ada, plan.GetSubjectId(new Deal { PointOfContactId = Ada }));
        Assert.Equal(42L, Plan<DealNote>(generated).GetSubjectId(new DealNote { AuthorNumber = 42 }));
    }

    [Theory]
    [MemberData(nameof(Builders))]
    public void Erasing_a_subjects_parts_erases_their_deal_and_note_and_skips_records_of_no_one(bool generated)
    {
        var plan = Plan<Deal>(generated);
        var context = TestKeys.Context.ErasingOnlySubject(Ada.ToString());
        Deal[] deals =
        [
            New(Ada, "Ada Lovelace", new DealNote { AuthorNumber = 7, Text = "call back" }),
            New(null, "Unassigned lead", new DealNote { AuthorNumber = null, Text = "left the company" }),
            New(Grace, "Grace Hopper", null),
        ];

        var changed = 0;
        foreach (var deal in deals)
        {
            var d = deal;
            var report = new RedactionReport(plan);
            plan.Redact(ref d, context, report);
            changed += report.ChangedCount;
        }

        Assert.Equal(2, changed); // Ada's name and e-mail
        Assert.Null(deals[0].ContactName); // a nullable string is erased to null
        Assert.StartsWith("hmac:", deals[0].ContactEmail, StringComparison.Ordinal);
        Assert.Equal("call back", deals[0].Notes![0].Text); // the note in Ada's deal is person 7's
        Assert.Equal("Unassigned lead", deals[1].ContactName); // belongs to no one: untouched
        Assert.Equal("left the company", deals[1].Notes![0].Text);
        Assert.Equal("Grace Hopper", deals[2].ContactName);
    }

    [Fact]
    public void The_erasure_context_skips_a_record_of_no_one_and_counts_only_what_it_changed()
    {
        var request = new PrivacyRequest { Id = Guid.NewGuid(), Kind = PrivacyRequestKind.Erasure, Subject = new SubjectRef("acme", Ada.ToString()), Status = PrivacyRequestStatus.InProgress, ReceivedAt = DateTimeOffset.UnixEpoch, DueAt = DateTimeOffset.UnixEpoch.AddMonths(1) };
        var claimed = new StepRecord(request.Id, "crm.deals", StepState.Started, 1, DateTimeOffset.UnixEpoch, null, null) { Owner = "test" };
        var context = new ErasureContext(request, TestKeys.Context, "crm.deals", new GoSmart.Privacy.Requests.Engine.StepCheckpoint(new InMemoryStepLedger(), claimed, "test"));
        var nobodys = New(null, "Unassigned lead", null);
        var adas = New(Ada, "Ada Lovelace", null);

        context.Apply(ref nobodys);
        context.Apply(ref adas);

        Assert.Equal("Unassigned lead", nobodys.ContactName);
        Assert.Null(adas.ContactName);
        Assert.Equal(2, context.Result().Changed);
    }

    private static Deal New(Guid? contact, string name, DealNote? note) => new()
    {
        Id = Guid.NewGuid(),
        PointOfContactId = contact,
        Title = "Renewal",
        ContactName = name,
        ContactEmail = name.Replace(' ', '.') + "@example.com",
        Notes = note is null ? null : [note],
    };
}
