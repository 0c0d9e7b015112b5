using GoSmart.Privacy.Tests.Models;

namespace GoSmart.Privacy.Tests.Plans;

public class PlanMembersTests
{
    [Fact]
    public void A_contact_plan_lists_every_tagged_member_with_nested_paths()
    {
        var plan = PersonalDataPlans.For<Contact>();

        Assert.Equal(PlanSource.Generated, plan.Source);
        Assert.Equal(PlanSource.Reflection, PersonalDataPlans.ForReflection<Contact>().Source);
        Assert.Equal(
            [
                "Id", "FirstName", "LastName", "Email", "Title", "Company", "BirthDate", "Age", "LastIp", "LastSeen",
                "CardLastFour", "Status", "LifetimeValue", "HealthNote", "Address.Street", "Address.City", "Address.Country",
                "Phones[].Number", "OtherEmails", "CustomFields", "Location.Latitude", "Location.Longitude",
            ],
            plan.Members.Select(m => m.Path));
        Assert.Equal("Id", plan.SubjectIdPath);
    }

    [Fact]
    public void Members_carry_category_strategy_exemption_and_type()
    {
        var members = PersonalDataPlans.For<Contact>().Members.ToDictionary(m => m.Path);

        Assert.Equal(new PersonalMember("Email", "email_address", DataCategories.ContactEmail, null, false, ErasureStrategy.Hash, ErasureExemption.None, typeof(string), true, 4, 10), members["Email"]);
        Assert.Equal(ErasureExemption.LegalObligation, members["Address.City"].Exemption);
        Assert.True(members["HealthNote"].IsSensitive);
        Assert.Equal(SpecialCategory.Health, members["HealthNote"].SpecialCategory);
        Assert.Equal(DataCategories.Health, members["HealthNote"].Category);
        Assert.True(members["Id"].IsSubjectId);
        Assert.Equal(typeof(DateOnly?), members["BirthDate"].MemberType);
        Assert.Equal(2, members["Phones[].Number"].VisibleCharacters);
    }

    [Fact]
    public void The_subject_id_is_read_from_the_tagged_member()
    {
        var id = Guid.NewGuid();
        Assert.Equal(id, PersonalDataPlans.For<Contact>().GetSubjectId(new Contact { Id = id }));
        Assert.Equal(42L, PersonalDataPlans.For<CustomerAccount>().GetSubjectId(new CustomerAccount { AccountId = 42 }));
        Assert.Equal("u1", PersonalDataPlans.For<ChatMessage>().GetSubjectId(new ChatMessage("u1", "hi")));
    }

    [Fact]
    public void Inherited_members_come_first_then_the_derived_ones()
    {
        var plan = PersonalDataPlans.For<CustomerAccount>();
        Assert.Equal(["AccountId", "LoginEmail", "Name"], plan.Members.Select(m => m.Path));
    }

    [Fact]
    public void Tags_on_positional_record_parameters_are_honoured()
    {
        var plan = PersonalDataPlans.For<ChatMessage>();
        Assert.Equal(["AuthorId", "Text", "SentAt", "AttachmentNames", "Mentions[].UserId", "Mentions[].DisplayName"], plan.Members.Select(m => m.Path));
        Assert.Equal("AuthorId", plan.SubjectIdPath);
    }

    [Fact]
    public void Non_public_properties_and_fields_are_part_of_the_plan()
    {
        var plan = PersonalDataPlans.For<PrivateMembers>();
        Assert.Equal(["InternalName", "_secretPhone", "PublicField"], plan.Members.Select(m => m.Path));
    }

    [Fact]
    public void A_recursive_type_is_expanded_once()
    {
        var plan = PersonalDataPlans.For<Person>();
        Assert.Equal(["Id", "Name"], plan.Members.Select(m => m.Path));
    }

    [Fact]
    public void Struct_members_collections_and_dictionaries_of_nested_types_are_reached()
    {
        var plan = PersonalDataPlans.For<Invoice>();
        Assert.Equal(["CustomerId", "Total.Amount", "Lines[].Amount", "ByMonth{}.Amount", "PhonesByLabel{}.Number"], plan.Members.Select(m => m.Path));
    }

    [Fact]
    public void A_type_with_no_tagged_members_gets_an_empty_plan()
    {
        var plan = PersonalDataPlans.For<NoTags>();
        Assert.Empty(plan.Members);
        Assert.Null(plan.SubjectIdPath);
        Assert.Equal("{}", Json.Export(new NoTags { Name = "x" }));
        Assert.Equal(0, plan.Redact(new NoTags(), TestKeys.Context).ChangedCount);
    }

    [Fact]
    public void Identity_shaped_users_are_planned_from_PersonalData_attributes_alone()
    {
        var plan = PersonalDataPlans.For<AppUser>();

        Assert.Equal(["Id", "UserName", "Email", "EmailConfirmed", "PhoneNumber", "TwoFactorEnabled", "FavouriteColour"], plan.Members.Select(m => m.Path));
        Assert.Equal("Id", plan.SubjectIdPath);
        var members = plan.Members.ToDictionary(m => m.Path);
        Assert.Equal(DataCategories.ContactEmail, members["Email"].Category);
        Assert.Equal(DataCategories.ContactPhone, members["PhoneNumber"].Category);
        Assert.Equal(DataCategories.AccountUsername, members["UserName"].Category);
        Assert.Equal(DataCategories.Account, members["FavouriteColour"].Category);
    }

    [Fact]
    public void Plans_are_built_once_and_cached()
    {
        Assert.Same(PersonalDataPlans.For<Contact>(), PersonalDataPlans.For<Contact>());
        Assert.Same(PersonalDataPlans.For<Contact>(), PersonalDataPlans.For(typeof(Contact)));
        Assert.Same(PersonalDataPlans.ForReflection<Contact>(), PersonalDataPlans.ForReflection<Contact>());
        Assert.NotSame(PersonalDataPlans.ForReflection<Contact>(), PersonalDataPlans.For<Contact>());
        Assert.Contains(PersonalDataPlans.For<Contact>(), PersonalDataPlans.Known);
    }

    [Fact]
    public async Task Concurrent_first_use_yields_one_plan()
    {
        var type = typeof(ConcurrencyProbe); // used by no other test, so this is its first use
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return PersonalDataPlans.For(type);
        })).ToArray();
        start.Set();
        var plans = await Task.WhenAll(tasks);
        Assert.Single(plans.Distinct());
    }

    private sealed class ConcurrencyProbe
    {
        [PersonalField(DataCategories.Name)]
        public string? Name { get; set; }
    }
}
