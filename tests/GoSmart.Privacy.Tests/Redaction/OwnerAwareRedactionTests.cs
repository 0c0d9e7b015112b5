using GoSmart.Privacy.Tests.Models.ChatProducts;

namespace GoSmart.Privacy.Tests.Redaction;

/// <summary>
/// A user's data also sits inside other people's records. Erasure reaches exactly the erased user's parts of them
/// (<see cref="RedactionContext.ErasingOnlySubject"/>), and an access package shows another person's record with
/// everything but the requester's parts redacted (<see cref="RedactionContext.KeepingSubject"/>) — on the shapes
/// of Mattermost's and Rocket.Chat's messages, by both plans.
/// </summary>
public sealed class OwnerAwareRedactionTests
{
    public static TheoryData<string> Plans => ["generated", "reflection"];

    private static IPersonalDataPlan<T> Plan<T>(string source) => source == "generated" ? PersonalDataPlans.For<T>() : PersonalDataPlans.ForReflection<T>();

    private static MattermostPost GracesPost() => new()
    {
        Id = "p1",
        UserId = "grace",
        Message = "The engine drawings are ready, @ada",
        CreateAt = 1_764_000_000_123,
        Metadata = new()
        {
            Reactions = [new() { UserId = "ada", EmojiName = "+1", CreateAt = 1_764_000_100_000 }, new() { UserId = "charles", EmojiName = "tada", CreateAt = 1_764_000_200_000 }],
            Acknowledgements = [new() { UserId = "ada", AcknowledgedAt = 1_764_000_300_000 }],
        },
    };

    private static RocketChatMessage GracesMessage() => new()
    {
        Id = "m1",
        Msg = "Looks great!",
        U = new() { Id = "grace", Username = "grace.hopper", Name = "Grace Hopper" },
        Mentions = [new() { Id = "ada", Username = "ada", Name = "Ada Lovelace" }, new() { Id = "charles", Username = "cbabbage", Name = "Charles Babbage" }],
        Quotes = [new() { Author = new() { Id = "ada", Username = "ada", Name = "Ada Lovelace" }, Text = "Here are my notes on the engine." }],
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Erasing_ada_in_graces_Mattermost_post_removes_her_reaction_and_receipt_and_keeps_the_rest(string source)
    {
        var post = GracesPost();

        var report = Plan<MattermostPost>(source).Redact(post, TestKeys.Context.ErasingOnlySubject("ada"));

        Assert.Equal("The engine drawings are ready, @ada", post.Message); // grace's words are not ada's to erase
        Assert.Equal(1_764_000_000_123, post.CreateAt);
        Assert.Equal(0, post.Metadata!.Reactions[0].CreateAt);
        Assert.Equal(1_764_000_200_000, post.Metadata.Reactions[1].CreateAt);
        Assert.Equal(0, post.Metadata.Acknowledgements[0].AcknowledgedAt);
        Assert.Equal(2, report.ChangedCount);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void A_Rocket_Chat_message_is_owned_by_its_nested_author(string source)
    {
        var plan = Plan<RocketChatMessage>(source);

        Assert.Equal("U.Id", plan.SubjectIdPath);
        Assert.Equal("grace", plan.GetSubjectId(GracesMessage()));
        Assert.Null(plan.GetSubjectId(new RocketChatMessage { U = null! }));
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Erasing_ada_in_graces_Rocket_Chat_message_removes_her_mention_and_her_quoted_words(string source)
    {
        var message = GracesMessage();

        Plan<RocketChatMessage>(source).Redact(message, TestKeys.Context.ErasingOnlySubject("ada"));

        Assert.Equal("Looks great!", message.Msg);
        Assert.Equal("Grace Hopper", message.U.Name);
        Assert.Equal("", message.Mentions[0].Username);
        Assert.Null(message.Mentions[0].Name);
        Assert.Equal("Charles Babbage", message.Mentions[1].Name);
        Assert.Equal("", message.Quotes[0].Text); // the quote is owned by its author, ada
        Assert.Null(message.Quotes[0].Author.Name);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void In_adas_access_package_graces_message_shows_only_adas_parts(string source)
    {
        var message = GracesMessage();

        Plan<RocketChatMessage>(source).Redact(message, TestKeys.Context.KeepingSubject("ada"));

        Assert.Equal("", message.Msg); // grace's words: Art. 15(4)
        Assert.Equal("", message.U.Username);
        Assert.Null(message.U.Name);
        Assert.Equal("Ada Lovelace", message.Mentions[0].Name);
        Assert.Null(message.Mentions[1].Name); // a third party
        Assert.Equal("Here are my notes on the engine.", message.Quotes[0].Text); // ada's own words
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void In_adas_own_message_third_parties_are_redacted_for_her_package(string source)
    {
        var message = GracesMessage();
        message.U = new() { Id = "ada", Username = "ada", Name = "Ada Lovelace" };

        Plan<RocketChatMessage>(source).Redact(message, TestKeys.Context.KeepingSubject("ada"));

        Assert.Equal("Looks great!", message.Msg);
        Assert.Equal("Ada Lovelace", message.U.Name);
        Assert.Null(message.Mentions[1].Name); // charles, mentioned in ada's own message
    }
}
