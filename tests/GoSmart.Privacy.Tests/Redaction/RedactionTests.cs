using System.Net;
using GoSmart.Privacy.Tests.Export;
using GoSmart.Privacy.Tests.Models;

namespace GoSmart.Privacy.Tests.Redaction;

public class RedactionTests
{
    [Fact]
    public void Erase_sets_each_type_to_null_empty_or_default_and_empties_collections()
    {
        var value = new EraseEveryType
        {
            NonNullableText = "Ada", NullableText = "Lovelace", Flag = true, Initial = 'A', Number = 7, NullableNumber = 8, Amount = 9.5m,
            Coordinate = 1.5, When = DateTime.Now, WhenOffset = DateTimeOffset.Now, Day = new DateOnly(2000, 2, 2), Time = new TimeOnly(1, 2),
            Identifier = Guid.NewGuid(), Ip = IPAddress.Loopback, Status = ContactStatus.Churned, Emails = ["a@x.example"], EmailArray = ["b@x.example"],
            Labels = new() { ["home"] = "c@x.example" },
        };

        var report = PersonalDataPlans.For<EraseEveryType>().Redact(value, TestKeys.Context);

        Assert.Equal("", value.NonNullableText);
        Assert.Null(value.NullableText);
        Assert.False(value.Flag);
        Assert.Equal('\0', value.Initial);
        Assert.Equal(0, value.Number);
        Assert.Null(value.NullableNumber);
        Assert.Equal(0m, value.Amount);
        Assert.Equal(0.0, value.Coordinate);
        Assert.Equal(default, value.When);
        Assert.Equal(default, value.WhenOffset);
        Assert.Equal(default, value.Day);
        Assert.Equal(default, value.Time);
        Assert.Equal(Guid.Empty, value.Identifier);
        Assert.Null(value.Ip);
        Assert.Equal(ContactStatus.Lead, value.Status);
        Assert.Empty(value.Emails);
        Assert.Empty(value.EmailArray);
        Assert.Empty(value.Labels);
        Assert.All(report.Entries, e => Assert.Equal(RedactionOutcome.Erased, e.Outcome));
        Assert.Equal(18, report.ChangedCount);
    }

    [Fact]
    public void Generalize_coarsens_dates_addresses_and_numbers()
    {
        var value = new GeneralizeEveryType
        {
            When = new DateTime(1990, 7, 14, 13, 45, 0, DateTimeKind.Utc),
            WhenOffset = new DateTimeOffset(1990, 7, 14, 13, 45, 0, TimeSpan.FromHours(-5)),
            Day = new DateOnly(1990, 7, 14),
            Time = new TimeOnly(13, 45, 12),
            V4 = IPAddress.Parse("203.0.113.77"),
            V6 = IPAddress.Parse("2001:db8:abcd:12:1:2:3:4"),
            Mapped = IPAddress.Parse("::ffff:203.0.113.77"),
            Age = 37,
            SmallAge = 44,
            Amount = 1234.56m,
            Latitude = 51.5074,
            NullableAge = null,
        };

        var report = PersonalDataPlans.For<GeneralizeEveryType>().Redact(value, TestKeys.Context);

        Assert.Equal(new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc), value.When);
        Assert.Equal(DateTimeKind.Utc, value.When.Kind);
        Assert.Equal(new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.FromHours(-5)), value.WhenOffset);
        Assert.Equal(new DateOnly(1990, 1, 1), value.Day);
        Assert.Equal(new TimeOnly(13, 0), value.Time);
        Assert.Equal(IPAddress.Parse("203.0.113.0"), value.V4);
        Assert.Equal(IPAddress.Parse("2001:db8:abcd::"), value.V6);
        Assert.Equal(IPAddress.Parse("::ffff:203.0.113.0"), value.Mapped);
        Assert.Equal(35, value.Age);
        Assert.Equal(40, value.SmallAge);
        Assert.Equal(1200m, value.Amount);
        Assert.Equal(51.0, value.Latitude);
        Assert.Null(value.NullableAge);
        Assert.Contains(new RedactionEntry("NullableAge", RedactionOutcome.Generalized, ErasureExemption.None, 0), report.Entries);
        Assert.Equal(11, report.ChangedCount);
    }

    [Fact]
    public void Mask_keeps_the_last_characters_and_hides_short_values_whole()
    {
        var value = new MaskAndHash { Card = "4242424242424242", ShortCard = "4242" };
        PersonalDataPlans.For<MaskAndHash>().Redact(value, TestKeys.Context);

        Assert.Equal("************4242", value.Card);
        Assert.Equal("****", value.ShortCard);
    }

    [Fact]
    public void Hash_gives_the_same_pseudonym_for_the_same_input_and_key()
    {
        var id = Guid.NewGuid();
        var a = new MaskAndHash { Email = "ada@example.com", ExternalId = id, Aliases = ["x@example.com", null] };
        var b = new MaskAndHash { Email = "ada@example.com", ExternalId = id };
        var plan = PersonalDataPlans.For<MaskAndHash>();
        plan.Redact(a, TestKeys.Context);
        plan.Redact(b, TestKeys.Context);

        Assert.Equal(a.Email, b.Email);
        Assert.StartsWith(RedactionContext.PseudonymPrefix, a.Email, StringComparison.Ordinal);
        Assert.Equal(RedactionContext.PseudonymLength, a.Email!.Length);
        Assert.Equal(a.ExternalId, b.ExternalId);
        Assert.NotEqual(id, a.ExternalId);
        Assert.Equal(8, a.ExternalId.Version);
        Assert.True(TestKeys.Context.IsPseudonym(a.ExternalId));
        Assert.False(TestKeys.NewContext().IsPseudonym(a.ExternalId));
        Assert.Equal(TestKeys.Context.Pseudonymize("x@example.com"), a.Aliases[0]);
        Assert.Null(a.Aliases[1]);
    }

    [Fact]
    public void Retained_members_are_kept_and_reported_with_their_exemption()
    {
        var contact = WriteJsonTests.SampleContact();
        var report = PersonalDataPlans.For<Contact>().Redact(contact, TestKeys.Context);

        Assert.Equal("Engines Ltd", contact.Company);
        Assert.Equal(1234.50m, contact.LifetimeValue);
        Assert.Equal("London", contact.Address!.City);
        Assert.Contains(new RedactionEntry("Company", RedactionOutcome.Retained, ErasureExemption.LegalClaims, 1), report.Entries);
        Assert.Contains(new RedactionEntry("Address.City", RedactionOutcome.Retained, ErasureExemption.LegalObligation, 1), report.Entries);
        Assert.Equal(4, report.RetainedCount);
        Assert.DoesNotContain(report.Entries, e => e.Path == "Id");
    }

    [Fact]
    public void A_whole_contact_is_redacted_through_nested_objects_lists_dictionaries_and_structs()
    {
        var contact = WriteJsonTests.SampleContact();
        var id = contact.Id;
        PersonalDataPlans.For<Contact>().Redact(contact, TestKeys.Context);

        Assert.Equal(id, contact.Id);
        Assert.Equal("", contact.FirstName);
        Assert.Null(contact.LastName);
        Assert.Equal(TestKeys.Context.Pseudonymize("ada@example.com"), contact.Email);
        Assert.Equal(new DateOnly(1815, 1, 1), contact.BirthDate);
        Assert.Equal(30, contact.Age);
        Assert.Equal(IPAddress.Parse("192.168.17.0"), contact.LastIp);
        Assert.Equal("****", contact.CardLastFour);
        Assert.Null(contact.HealthNote);
        Assert.Null(contact.Address!.Street);
        Assert.Equal("ring twice", contact.Address.Notes);
        Assert.Equal("**************00", contact.Phones[0].Number);
        Assert.Equal("work", contact.Phones[0].Kind);
        Assert.Empty(contact.OtherEmails);
        Assert.Equal("***********", contact.CustomFields["nickname"]);
        Assert.Null(contact.CustomFields["empty"]);
        Assert.Equal(51.0, contact.Location.Latitude);
        Assert.Equal(-0.0, contact.Location.Longitude);
        Assert.Equal(99, contact.InternalScore);
        Assert.Equal("tenant-a", contact.TenantId);
    }

    [Fact]
    public void Structs_in_arrays_and_dictionaries_are_written_back()
    {
        var invoice = new Invoice
        {
            CustomerId = "c1",
            Total = new Money { Amount = 1999m },
            Lines = [new Money { Amount = 250m }, new Money { Amount = 1749m }],
            ByMonth = new() { ["2026-01"] = new Money { Amount = 777m } },
            PhonesByLabel = new() { ["home"] = new Phone { Number = "0123456" } },
        };

        var report = PersonalDataPlans.For<Invoice>().Redact(invoice, TestKeys.Context);

        Assert.Equal(1900m, invoice.Total.Amount);
        Assert.Equal([200m, 1700m], invoice.Lines.Select(l => l.Amount));
        Assert.Equal(700m, invoice.ByMonth["2026-01"].Amount);
        Assert.Equal("*****56", invoice.PhonesByLabel["home"].Number);
        Assert.Contains(new RedactionEntry("Lines[].Amount", RedactionOutcome.Generalized, ErasureExemption.None, 2), report.Entries);
    }

    [Fact]
    public void A_struct_root_is_redacted_through_the_ref_overload_and_refused_by_value()
    {
        var plan = PersonalDataPlans.For<Money>();
        var money = new Money { Amount = 450m };
        var report = new RedactionReport(plan);

        plan.Redact(ref money, TestKeys.Context, report);

        Assert.Equal(400m, money.Amount);
        Assert.Equal(1, report.ChangedCount);
        var ex = Assert.Throws<PrivacyException>(() => plan.Redact(money, TestKeys.Context));
        Assert.Contains("Redact(ref value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Private_and_init_only_members_are_redacted()
    {
        var value = new PrivateMembers("555-0100", "Secret") { PublicField = "p@example.com" };
        PersonalDataPlans.For<PrivateMembers>().Redact(value, TestKeys.Context);
        Assert.Null(value.Phone);
        Assert.Null(value.InternalName);
        Assert.Null(value.PublicField);

        var message = new ChatMessage("u1", "secret text") { SentAt = new DateTime(2026, 5, 6), AttachmentNames = ["a.pdf"] };
        PersonalDataPlans.For<ChatMessage>().Redact(message, TestKeys.Context);
        Assert.Equal("u1", message.AuthorId);
        Assert.Equal("", message.Text);
        Assert.Equal(new DateTime(2026, 1, 1), message.SentAt);
        Assert.Empty(message.AttachmentNames!);
    }

    [Fact]
    public void Identity_shaped_users_erase_with_no_other_tag()
    {
        var user = new AppUser { UserName = "ada", Email = "ada@example.com", EmailConfirmed = true, PhoneNumber = "555", PasswordHash = "hash", FavouriteColour = "green" };
        var id = user.Id;
        PersonalDataPlans.For<AppUser>().Redact(user, TestKeys.Context);

        Assert.Equal(id, user.Id);
        Assert.Null(user.Email);
        Assert.Null(user.UserName);
        Assert.False(user.EmailConfirmed);
        Assert.Null(user.FavouriteColour);
        Assert.Equal("hash", user.PasswordHash);
    }

    [Fact]
    public void Cycles_are_redacted_once_and_never_loop()
    {
        var boss = new Person { Id = 1, Name = "Boss" };
        var worker = new Person { Id = 2, Name = "Worker", Manager = boss };
        boss.Reports.Add(worker);
        boss.Manager = boss;

        var report = PersonalDataPlans.For<Person>().Redact(boss, TestKeys.Context);

        Assert.Null(boss.Name);
        Assert.Null(worker.Name);
        Assert.Contains(new RedactionEntry("Name", RedactionOutcome.Erased, ErasureExemption.None, 2), report.Entries);
    }

    [Fact]
    public void Collections_that_cannot_be_written_are_reported_not_silently_skipped()
    {
        var value = new HashSetHolder { Emails = ["a@example.com", "b@example.com"] };
        var report = PersonalDataPlans.For<HashSetHolder>().Redact(value, TestKeys.Context);

        Assert.All(value.Emails, e => Assert.True(RedactionContext.IsPseudonym(e)));
        Assert.Contains(new RedactionEntry("ReadOnlyEmails", RedactionOutcome.NotWritable, ErasureExemption.None, 1), report.Entries);
        Assert.Equal(1, report.NotWritableCount);
    }

    [Fact]
    public void A_report_is_reusable_and_belongs_to_its_plan()
    {
        var plan = PersonalDataPlans.For<Phone>();
        var report = new RedactionReport(plan);
        var phone = new Phone { Number = "12345" };
        plan.Redact(ref phone, TestKeys.Context, report);
        plan.Redact(ref phone, TestKeys.Context, report);
        Assert.Equal(1, report.ChangedCount);

        var other = new RedactionReport(PersonalDataPlans.For<Address>());
        var ex = Assert.Throws<PrivacyException>(() => plan.Redact(ref phone, TestKeys.Context, other));
        Assert.Contains("new RedactionReport(plan)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        var ex = Assert.Throws<PrivacyException>(() => new RedactionContext(new byte[31]));
        Assert.Contains("at least 32 bytes", ex.Message, StringComparison.Ordinal);
    }
}
