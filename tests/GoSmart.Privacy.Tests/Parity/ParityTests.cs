using FsCheck.Xunit;
using GoSmart.Privacy.Tests.Models;
using GoSmart.Privacy.Tests.Models.ChatProducts;

namespace GoSmart.Privacy.Tests.Parity;

/// <summary>
/// The contract between the generator and the reflection builder: for every model shape, the generated plan
/// and the reflection plan list the same members, export byte-identical JSON and redact to the same values
/// with the same report, on random values (nulls, odd text, NaN, shared objects and cycles included).
/// </summary>
public class ParityTests
{
    public static TheoryData<Type> Shapes =>
    [
        typeof(Contact), typeof(Address), typeof(Phone), typeof(GeoPoint), typeof(BaseAccount), typeof(CustomerAccount),
        typeof(PrivateMembers), typeof(NullableValues), typeof(Person), typeof(HashSetHolder), typeof(Money), typeof(Invoice),
        typeof(Computed), typeof(EveryScalar), typeof(ChatMessage), typeof(Participant), typeof(IdentityShapedUser), typeof(AppUser),
        typeof(EraseEveryType), typeof(GeneralizeEveryType), typeof(MaskAndHash),
        typeof(Whereabouts), typeof(ReadOnlyWhereabouts), typeof(FixedPoint), typeof(FieldPoint), typeof(Trip),
        typeof(MattermostPost), typeof(MattermostReaction), typeof(RocketChatMessage), typeof(RocketChatUser), typeof(RocketChatQuote),
        typeof(Deal), typeof(DealNote), typeof(CryptoShredding.VaultMember), typeof(ArchivedChatMessage),
        typeof(Models.MattermostEntities.Post), typeof(Models.MattermostEntities.Reaction), typeof(Models.MattermostEntities.User), typeof(Models.MattermostEntities.TeamMember),
    ];

    /// <summary>The subject ids the faker's strings can produce, and some it never does.</summary>
    private static readonly string[] Subjects = ["Ada", "ada@example.com", " Ada", "nobody", "1234567890123456"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_shape_gets_a_generated_plan_with_the_reflection_plans_members(Type type)
    {
        var generated = PersonalDataPlans.For(type);
        var reflection = PersonalDataPlans.ForReflection(type);

        Assert.Equal(PlanSource.Generated, generated.Source);
        Assert.Equal(PlanSource.Reflection, reflection.Source);
        Assert.Equal(type, generated.EntityType);
        Assert.Equal(reflection.Members, generated.Members);
        Assert.Equal(reflection.SubjectIdPath, generated.SubjectIdPath);
    }

    [Property(MaxTest = 60)]
    public void Contact_plans_agree(int seed) => AssertParity<Contact>(seed);

    [Property(MaxTest = 40)]
    public void Address_plans_agree(int seed) => AssertParity<Address>(seed);

    [Property(MaxTest = 40)]
    public void Struct_plans_agree(int seed)
    {
        AssertParity<GeoPoint>(seed);
        AssertParity<Money>(seed);
    }

    [Property(MaxTest = 80)]
    public void Nullable_readonly_and_field_struct_plans_agree(int seed)
    {
        AssertParity<Whereabouts>(seed);
        AssertParity<ReadOnlyWhereabouts>(seed);
        AssertParity<Trip>(seed);
    }

    [Property(MaxTest = 120)]
    public void Chat_product_plans_agree_when_erasing_only_one_subjects_parts_and_when_keeping_them(int seed, byte who)
    {
        var subject = Subjects[who % Subjects.Length];
        AssertParity<MattermostPost>(seed);
        AssertParity<RocketChatMessage>(seed);
        AssertParity<MattermostPost>(seed, keptSubject: subject);
        AssertParity<RocketChatMessage>(seed, keptSubject: subject);
        AssertParity<MattermostPost>(seed, erasedSubject: subject);
        AssertParity<RocketChatMessage>(seed, erasedSubject: subject);
        AssertParity<ChatMessage>(seed, erasedSubject: subject);
        AssertParity<Person>(seed, erasedSubject: seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Property(MaxTest = 120)]
    public void Free_text_plans_agree_when_erasure_rewrites_other_peoples_text_and_disclosure_masks_it(int seed, byte who)
    {
        var subject = Subjects[who % Subjects.Length];
        var rewriter = new MentionRewriter();
        AssertParity<MattermostPost>(seed, erasedSubject: subject, freeText: rewriter);
        AssertParity<RocketChatMessage>(seed, erasedSubject: subject, freeText: rewriter);
        AssertParity<ArchivedChatMessage>(seed, erasedSubject: subject, freeText: rewriter);
        AssertParity<MattermostPost>(seed, keptSubject: subject, freeText: rewriter);
        AssertParity<RocketChatMessage>(seed, keptSubject: subject, freeText: rewriter);
        AssertParity<ArchivedChatMessage>(seed, keptSubject: subject, freeText: rewriter);
        AssertParity<ArchivedChatMessage>(seed, freeText: rewriter); // redacting everything: strategies, no rewriting
    }

    [Fact]
    public void Erasure_rewrites_mentions_only_in_other_peoples_free_text_keeps_retained_text_and_reports_what_it_cannot_write()
    {
        foreach (var plan in new[] { PersonalDataPlans.For<ArchivedChatMessage>(), PersonalDataPlans.ForReflection<ArchivedChatMessage>() })
        {
            var message = new ArchivedChatMessage
            {
                AuthorId = "grace",
                Text = "Ada signed it",
                Edits = ["Ada signed it", "Ada signed it twice"],
                Quotes = [new RocketChatQuote { Author = new RocketChatUser { Id = "charles" }, Text = "ask Ada" }, new RocketChatQuote { Author = new RocketChatUser { Id = "Ada" }, Text = "Ada here" }],
            };
            var report = new RedactionReport(plan);

            plan.Redact(ref message, TestKeys.Context.ErasingOnlySubject("Ada").WithFreeText(new MentionRewriter()), report);

            Assert.Equal("Ada signed it", message.Text); // retained under its exemption
            Assert.Equal("ask [user-1]", message.Quotes[0].Text); // Charles's quote: only the mention changes
            Assert.Equal("", message.Quotes[1].Text); // Ada's own quote: erased by its strategy
            Assert.Equal("Ada signed it twice", message.LastEdit); // cannot be written: reported below
            Assert.Equal(3, report.ChangedCount); // Ada's quote's text and username, the mention in Charles's quote
            Assert.Equal(1, report.PseudonymizedCount);
            Assert.Equal(1, report.RetainedCount);
            Assert.Equal(1, report.NotWritableCount);
            Assert.Contains(report.Entries, e => e.Path == "Quotes[].Text" && e.Outcome == RedactionOutcome.Pseudonymized && e.Count == 1);
            Assert.Contains(report.Entries, e => e.Path == "LastEdit" && e.Outcome == RedactionOutcome.NotWritable && e.Count == 1);
        }
    }

    [Property(MaxTest = 80)]
    public void Optional_subject_id_plans_agree(int seed, byte who)
    {
        AssertParity<Deal>(seed);
        AssertParity<Deal>(seed, erasedSubject: Subjects[who % Subjects.Length]);
        AssertParity<Deal>(seed, keptSubject: Subjects[who % Subjects.Length]);
        AssertParity<DealNote>(seed, erasedSubject: (seed % 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Property(MaxTest = 40)]
    public void Inherited_member_plans_agree(int seed)
    {
        AssertParity<BaseAccount>(seed);
        AssertParity<CustomerAccount>(seed);
    }

    [Property(MaxTest = 40)]
    public void Private_member_plans_agree(int seed) => AssertParity<PrivateMembers>(seed);

    [Property(MaxTest = 40)]
    public void Nullable_plans_agree(int seed) => AssertParity<NullableValues>(seed);

    [Property(MaxTest = 60)]
    public void Recursive_plans_agree(int seed) => AssertParity<Person>(seed);

    [Property(MaxTest = 40)]
    public void Read_only_collection_plans_agree(int seed) => AssertParity<HashSetHolder>(seed);

    [Property(MaxTest = 60)]
    public void Struct_collection_plans_agree(int seed) => AssertParity<Invoice>(seed);

    [Property(MaxTest = 40)]
    public void Computed_member_plans_agree(int seed) => AssertParity<Computed>(seed);

    [Property(MaxTest = 60)]
    public void Every_scalar_plans_agree(int seed) => AssertParity<EveryScalar>(seed);

    [Property(MaxTest = 60)]
    public void Record_plans_agree(int seed)
    {
        AssertParity<ChatMessage>(seed);
        AssertParity<Participant>(seed);
    }

    [Property(MaxTest = 40)]
    public void Identity_plans_agree(int seed)
    {
        AssertParity<IdentityShapedUser>(seed);
        AssertParity<AppUser>(seed);
    }

    [Property(MaxTest = 60)]
    public void Strategy_matrix_plans_agree(int seed)
    {
        AssertParity<EraseEveryType>(seed);
        AssertParity<GeneralizeEveryType>(seed);
        AssertParity<MaskAndHash>(seed);
    }

    [Fact]
    public void A_boxed_struct_is_redacted_in_its_box_by_both_plans()
    {
        object generated = new Money { Amount = 1234.56m };
        object reflected = new Money { Amount = 1234.56m };

        var a = PersonalDataPlans.For(typeof(Money)).Redact(generated, TestKeys.Context);
        var b = PersonalDataPlans.ForReflection(typeof(Money)).Redact(reflected, TestKeys.Context);

        Assert.Equal(1200m, ((Money)generated).Amount);
        Assert.Equal(((Money)reflected).Amount, ((Money)generated).Amount);
        Assert.Equal(b.Entries, a.Entries);
    }

    [Property(MaxTest = 60)]
    public void Plans_agree_when_keeping_a_nested_subjects_own_records(int seed)
    {
        var people = new ModelFaker(seed).Make<Person>();
        AssertParity<Person>(seed, people?.Manager is { } manager ? manager.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0");
        var message = new ModelFaker(seed).Make<ChatMessage>();
        var mentioned = message?.Mentions.FirstOrDefault()?.UserId;
        AssertParity<ChatMessage>(seed, string.IsNullOrWhiteSpace(mentioned) ? "nobody" : mentioned);
        AssertParity<Invoice>(seed, "nobody");
    }

    [Fact]
    public void Keeping_a_subject_leaves_their_nested_records_alone_and_redacts_the_rest()
    {
        foreach (var plan in new[] { PersonalDataPlans.For<ChatMessage>(), PersonalDataPlans.ForReflection<ChatMessage>() })
        {
            var message = new ChatMessage("grace", "the engine is ready") { Mentions = [new Participant("ada", "Ada Lovelace"), new Participant("charles", "Charles Babbage")] };

            plan.Redact(message, TestKeys.Context.KeepingSubject("ada"));

            Assert.Equal("", message.Text);
            Assert.Equal("Ada Lovelace", message.Mentions[0].DisplayName);
            Assert.Equal("", message.Mentions[1].DisplayName);
        }
    }

    private static void AssertParity<T>(int seed, string? keptSubject = null, string? erasedSubject = null, IFreeTextRewriter? freeText = null)
    {
        var context = (keptSubject is not null ? TestKeys.Context.KeepingSubject(keptSubject)
            : erasedSubject is not null ? TestKeys.Context.ErasingOnlySubject(erasedSubject)
            : TestKeys.Context).WithFreeText(freeText);
        var generated = PersonalDataPlans.For<T>();
        var reflection = PersonalDataPlans.ForReflection<T>();
        Assert.Equal(PlanSource.Generated, generated.Source);

        var a = new ModelFaker(seed).Make<T>();
        var b = new ModelFaker(seed).Make<T>();
        var before = Json.Export(a, reflection);
        Assert.Equal(before, Json.Export(b, reflection));
        Assert.Equal(before, Json.Export(a, generated));
        Assert.Equal(Json.Disclosed(b, reflection, context), Json.Disclosed(a, generated, context)); // disclosure: same bytes from both plans
        Assert.Equal(before, Json.Export(a, generated)); // and nothing changed by it
        Assert.Equal(before, Json.Export(b, reflection));
        Assert.Equal(reflection.GetSubjectId(b!), a is null ? null : generated.GetSubjectId(a));

        var generatedReport = new RedactionReport(generated);
        var reflectionReport = new RedactionReport(reflection);
        generated.Redact(ref a, context, generatedReport);
        reflection.Redact(ref b, context, reflectionReport);

        Assert.Equal(Json.Export(b, reflection), Json.Export(a, reflection));
        Assert.Equal(Json.Export(b, reflection), Json.Export(a, generated));
        Assert.Equal(reflectionReport.Entries, generatedReport.Entries);
        Assert.Equal(reflectionReport.ChangedCount, generatedReport.ChangedCount);
        Assert.Equal(reflectionReport.NotWritableCount, generatedReport.NotWritableCount);
    }

    /// <summary>A rewriter the faker's texts meet: "Ada" and her e-mail address become the request's pseudonym.</summary>
    private sealed class MentionRewriter : IFreeTextRewriter
    {
        public IReadOnlyList<string> SearchTerms => ["ada"];

        public string Rewrite(string text) =>
            text.Contains("Ada", StringComparison.Ordinal) || text.Contains("ada@", StringComparison.Ordinal)
                ? text.Replace("ada@example.com", "[user-1]", StringComparison.Ordinal).Replace("Ada", "[user-1]", StringComparison.Ordinal)
                : text;
    }
}
