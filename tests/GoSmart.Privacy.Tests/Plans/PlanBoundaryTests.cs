using GoSmart.Privacy.Tests.Models.ChatProducts;
using GoSmart.Privacy.Tests.Models.MattermostEntities;

namespace GoSmart.Privacy.Tests.Plans;

/// <summary>A plan stops at a navigation to another record and follows the parts a record holds.</summary>
public class PlanBoundaryTests
{
    [Theory]
    [InlineData(typeof(Post), new[] { "UserId", "Message" })]
    [InlineData(typeof(Reaction), new[] { "UserId", "CreateAt" })]
    [InlineData(typeof(User), new[] { "Id", "Username", "Email", "FirstName", "Props.Timezone" })]
    [InlineData(typeof(TeamMember), new[] { "UserId", "Roles" })]
    [InlineData(typeof(Channel), new string[0])]
    [InlineData(typeof(Team), new string[0])]
    public void An_entity_plan_holds_its_own_members_and_its_parts_and_stops_at_every_navigation(Type type, string[] paths)
    {
        Assert.Equal(paths, PersonalDataPlans.For(type).Members.Select(m => m.Path));
        Assert.Equal(paths, PersonalDataPlans.ForReflection(type).Members.Select(m => m.Path));
    }

    [Fact]
    public void Erasing_a_reaction_never_reaches_the_post_it_hangs_on()
    {
        var grace = new User { Id = "grace", Username = "grace", Email = "grace@example.com" };
        var post = new Post { Id = "p1", UserId = "grace", User = grace, Message = "Grace's words" };
        var reaction = new Reaction { UserId = "ada", Post = post, PostId = "p1", EmojiName = "+1", CreateAt = 1_700_000_000_000 };
        post.Reactions.Add(reaction);

        PersonalDataPlans.For<Reaction>().Redact(reaction, TestKeys.Context.ErasingOnlySubject("ada"));

        Assert.Equal(0, reaction.CreateAt);
        Assert.Equal("Grace's words", post.Message);
        Assert.Equal("grace@example.com", grace.Email);
    }

    [Fact]
    public void Parts_embedded_in_a_chat_document_are_still_followed()
    {
        Assert.Contains("Metadata.Reactions[].CreateAt", PersonalDataPlans.For<MattermostPost>().Members.Select(m => m.Path));
        Assert.Contains("U.Username", PersonalDataPlans.For<RocketChatMessage>().Members.Select(m => m.Path));
        Assert.Contains("Quotes[].Author.Name", PersonalDataPlans.For<RocketChatMessage>().Members.Select(m => m.Path));
    }
}
