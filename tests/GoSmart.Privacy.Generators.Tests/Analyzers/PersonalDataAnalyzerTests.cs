namespace GoSmart.Privacy.Generators.Tests.Analyzers;

public class PersonalDataAnalyzerTests
{
    [Fact]
    public async Task Each_broken_rule_is_reported_exactly_at_its_member_and_nowhere_else()
    {
        var found = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Fixture("BrokenShapes.cs"));

        Assert.Equal(
            [
                ("GSP002", "BadKey"),
                ("GSP006", "Computed"),
                ("GSP013", "Conflicted"),
                ("GSP015", "Email"),
                ("GSP010", "ExemptButErased"),
                ("GSP016", "FreeAge"),
                ("GSP003", "HashedAge"),
                ("GSP003", "MaskedDate"),
                ("GSP011", "NegativeMask"),
                ("GSP005", "OtherId"),
                ("GSP004", "RetainedAmount"),
                ("GSP012", "TaggedAddress"),
                ("GSP008", "Website"),
                ("GSP009", "When"),
            ],
            found.Select(d => (d.Id, d.At)));
    }

    [Fact]
    public async Task Analyzer_messages_are_the_run_time_exception_messages()
    {
        var found = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Fixture("BrokenShapes.cs"));
        var runtime = new[] { typeof(Fixtures.Broken.Broken), typeof(Fixtures.Broken.TwoIds), typeof(Fixtures.Broken.WrongIdType) }
            .SelectMany(t => Assert.Throws<InvalidPrivacyAnnotationException>(() => PersonalDataPlans.ForReflection(t)).Violations.Where(v => v.IsError))
            .Select(v => (v.DiagnosticId, v.MemberName, v.Message))
            .OrderBy(v => v.MemberName, StringComparer.Ordinal)
            .ToList();

        // GSP006 and GSP015 are warnings: the run-time builder reports the first in RedactionReport (NotWritable), and the second is the EF Core eraser's to handle.
        var analyzerErrors = found.Where(d => d.Id is not ("GSP006" or "GSP015")).Select(d => (d.Id, d.At, d.Message)).ToList();
        Assert.Equal(runtime, analyzerErrors);
    }

    [Fact]
    public async Task A_well_tagged_model_has_no_diagnostics()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Net;
            using GoSmart.Privacy;

            public sealed class Phone
            {
                [PersonalField(DataCategories.ContactPhone, Erasure = ErasureStrategy.Mask)] public string? Number { get; set; }
            }

            public sealed record Message([DataSubjectId] string AuthorId, [PersonalField(DataCategories.ContentMessage)] string Text);

            public sealed class Deal // may belong to no one: a nullable subject id is allowed
            {
                [DataSubjectId] public Guid? PointOfContactId { get; set; }
                [PersonalField(DataCategories.Name)] public string? ContactName { get; set; }
            }

            public sealed class Note
            {
                [DataSubjectId] public long? AuthorNumber { get; set; }
                [PersonalField(DataCategories.ContentMessage)] public string? Text { get; set; }
            }

            public sealed class Contact
            {
                [DataSubjectId] public Guid Id { get; set; }
                [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)] public string? Email { get; set; }
                [PersonalField(DataCategories.DeviceIpAddress, Erasure = ErasureStrategy.Generalize)] public IPAddress? LastIp { get; set; }
                [PersonalField(DataCategories.Payment, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalObligation)] public decimal Paid { get; set; }
                [SensitiveField(SpecialCategory.Health)] public string? Note { get; set; }
                [NotPersonalData] public string? FirstNameOfTheCompanyMascot { get; set; }
                public List<Phone> Phones { get; set; } = new();
                public int Score { get; set; }
            }
            """;

        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(source));
    }

    [Fact]
    public async Task A_rewritten_member_of_an_ef_core_primary_key_is_flagged_and_a_retained_one_is_not()
    {
        const string source = """
            using System;
            using GoSmart.Privacy;

            namespace Microsoft.EntityFrameworkCore
            {
                [AttributeUsage(AttributeTargets.Class)]
                public sealed class PrimaryKeyAttribute(string propertyName, params string[] additionalPropertyNames) : Attribute;
            }

            // Mattermost's reaction: keyed by user, post and emoji.
            [Microsoft.EntityFrameworkCore.PrimaryKey(nameof(UserId), nameof(PostId), nameof(EmojiName), nameof(CreateAt))]
            public sealed class Reaction
            {
                [DataSubjectId] public string UserId { get; set; } = "";
                [NotPersonalData] public string PostId { get; set; } = "";
                [PersonalField(DataCategories.ContentMessage)] public string EmojiName { get; set; } = "";
                [PersonalField(DataCategories.BehaviorServiceUsage, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)] public long CreateAt { get; set; }
            }
            """;

        var found = await AnalyzerHarness.AnalyzeAsync(source);

        var only = Assert.Single(found);
        Assert.Equal(("GSP015", "EmojiName"), (only.Id, only.At));
        Assert.Contains("part of the primary key", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Untagged_members_that_look_personal_are_flagged_only_in_tagged_types()
    {
        const string source = """
            using System;
            using System.Net;
            using GoSmart.Privacy;

            public sealed class Customer
            {
                [DataSubjectId] public Guid Id { get; set; }
                public string? Email { get; set; }
                public string? phone_number;
                public DateTime BirthDate { get; set; }
                public IPAddress? Origin { get; set; }
                public string? Description { get; set; }
                public int PhoneCount { get; set; }
                [NotPersonalData] public string? SupportEmail { get; set; }
            }

            public sealed class AuditEntry
            {
                public string? Email { get; set; }
            }
            """;

        var found = await AnalyzerHarness.AnalyzeAsync(source);

        Assert.Equal([("GSP001", "BirthDate"), ("GSP001", "Email"), ("GSP001", "Origin"), ("GSP001", "phone_number")], found.Select(d => (d.Id, d.At)));
        Assert.Contains("[PersonalField(\"user.contact.email\")]", found.Single(d => d.At == "Email").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_struct_of_personal_data_that_cannot_be_written_back_is_flagged()
    {
        const string source = """
            using GoSmart.Privacy;

            public readonly struct Point
            {
                [PersonalField(DataCategories.LocationPrecise)] public string? Label { get; init; }
            }

            public sealed class Visit
            {
                public Visit(Point? where, Point at) { Where = where; _at = at; }
                [DataSubjectId] public string UserId { get; set; } = "";
                public Point? Where { get; }
                private readonly Point _at;
                public Point? Settable { get; set; }
                public Point Initialised { get; init; }
            }
            """;

        var found = await AnalyzerHarness.AnalyzeAsync(source);

        Assert.Equal([("GSP014", "Where"), ("GSP014", "_at")], found.Select(d => (d.Id, d.At)));
        Assert.Contains("erasure changes only a copy", found[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_root_entity_without_a_subject_id_is_flagged_but_a_nested_type_is_not()
    {
        const string source = """
            using System.Collections.Generic;
            using GoSmart.Privacy;

            public sealed class Line
            {
                [PersonalField(DataCategories.Payment)] public decimal Amount { get; set; }
            }

            public sealed class Order
            {
                [DataSubjectId] public long CustomerId { get; set; }
                public List<Line> Lines { get; set; } = new();
            }

            public sealed class Lead
            {
                [PersonalField(DataCategories.ContactEmail)] public string? Email { get; set; }
            }
            """;

        var found = await AnalyzerHarness.AnalyzeAsync(source);

        var diagnostic = Assert.Single(found);
        Assert.Equal(("GSP007", "Lead"), (diagnostic.Id, diagnostic.At));
        Assert.Contains("[DataSubjectId]", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identity_shaped_users_need_no_other_tag()
    {
        const string source = """
            namespace Microsoft.AspNetCore.Identity
            {
                public class PersonalDataAttribute : System.Attribute { }
                public class ProtectedPersonalDataAttribute : PersonalDataAttribute { }
            }

            public class User
            {
                [Microsoft.AspNetCore.Identity.PersonalData] public virtual string Id { get; set; } = "";
                [Microsoft.AspNetCore.Identity.ProtectedPersonalData] public virtual string? Email { get; set; }
                public virtual string? PasswordHash { get; set; }
            }
            """;

        var found = await AnalyzerHarness.AnalyzeAsync(source);

        Assert.Equal([("GSP001", "PasswordHash")], found.Select(d => (d.Id, d.At)));
    }
}
