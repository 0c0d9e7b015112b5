using FsCheck.Xunit;
using GoSmart.Privacy.Text;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.Text;

/// <summary>
/// The scanner's free-text redaction on its own: erasure replaces exactly the erased subject's mentions in other people's
/// text, an access package masks exactly third parties' data, and neither breaks on any input.
/// </summary>
public class FreeTextRedactionTests
{
    private static readonly SubjectRef Ada = new("acme", "ada");

    /// <summary>Pieces of chat lines: the subject's identifiers, third parties', and text that only looks like them.</summary>
    private static readonly string[] AdaFragments = ["Ada", "Ada Lovelace", "ada@example.com", "ADA@EXAMPLE.COM", "+44 20 7946 0018", "020 7946 0018", "ada.lovelace"];
    private static readonly string[] OtherFragments = ["Grace", "grace@example.com", "+44 20 7946 0959", "Canada", "adamant", "order 4411 2093", "£20.18", "thanks", "🙂", "naïve café", "\n"];

    [Fact]
    public async Task Erasure_replaces_the_subjects_name_e_mail_and_phone_however_written_and_nothing_else()
    {
        var rewriter = (await ErasureAsync())!;

        Assert.Equal(
            "Looks great, [user-1]! Charles, call her on [user-1] or [user-1], or write to Grace at grace@example.com.",
            rewriter.Rewrite("Looks great, Ada! Charles, call her on 020 7946 0018 or ADA@example.com, or write to Grace at grace@example.com."));
        Assert.Equal("[user-1] and Linus", rewriter.Rewrite("Ada Lovelace and Linus"));
        Assert.Equal("ping [user-1] about it", rewriter.Rewrite("ping lovelace about it")); // a text with no capitals is chat-lower-case
        const string Clean = "Flying to Canada, adamant about it. Order 4411 2093.";
        Assert.Same(Clean, rewriter.Rewrite(Clean)); // nothing changes: the same instance, nothing counted
        Assert.Equal(["ada@example.com", "ada", "lovelace", "0018"], rewriter.SearchTerms);
    }

    [Fact]
    public async Task A_single_name_that_is_also_a_word_is_replaced_only_where_it_is_written_as_a_name()
    {
        var rewriter = (await ErasureAsync(new SubjectIdentifiers { Names = ["Will Turner"] }))!;

        Assert.Equal("I will ask [user-1] later", rewriter.Rewrite("I will ask Will later"));
        Assert.Equal("[user-1] ask [user-1] later", rewriter.Rewrite("will ask will turner later")); // no capitals to go by: erasure errs on the subject's side
    }

    [Property(MaxTest = 200)]
    public void After_erasure_no_mention_of_the_subject_is_left_the_rest_is_as_it_was_and_erasing_again_changes_nothing(int seed)
    {
        var rewriter = ErasureAsync().AsTask().GetAwaiter().GetResult()!;
        var random = new Random(seed);
        var parts = Enumerable.Range(0, random.Next(1, 9)).Select(_ => random.Next(3) == 0 ? AdaFragments[random.Next(AdaFragments.Length)] : OtherFragments[random.Next(OtherFragments.Length)]).ToList();
        var text = string.Join(", ", parts); // as a list is written: two numbers side by side with only a space are one number to read

        var erased = rewriter.Rewrite(text);

        Assert.Equal(string.Join(", ", parts.Select(p => AdaFragments.Contains(p) ? "[user-1]" : p)), erased);
        Assert.Equal(erased, rewriter.Rewrite(erased));
    }

    [Fact]
    public async Task An_access_package_masks_third_parties_data_with_one_label_per_value_and_keeps_the_subjects_own()
    {
        var rewriter = (await DisclosureAsync())!;

        Assert.Equal(
            "Ada, mail [email-1] or call [phone-1]; my card [card-1]. Your own: ada@example.com, 020 7946 0018.",
            rewriter.Rewrite("Ada, mail grace@example.com or call +1 415 555 2671; my card 4111 1111 1111 1111. Your own: ada@example.com, 020 7946 0018."));
        Assert.Equal("again [email-1], and [email-2]", rewriter.Rewrite("again GRACE@example.com, and linus@example.com")); // the same person keeps her label
        Assert.Empty(rewriter.SearchTerms);
        const string Topic = "Grace is on chemo this week";
        Assert.Same(Topic, rewriter.Rewrite(Topic)); // a topic may be about the subject; names need the conversation's participants
    }

    [Fact]
    public async Task With_nothing_identifying_the_subject_erasure_rewrites_nothing_and_access_still_masks()
    {
        await using var provider = Services(null);
        await using var scope = provider.CreateAsyncScope();
        var redaction = scope.ServiceProvider.GetRequiredService<IFreeTextRedaction>();

        Assert.Null(await redaction.ForErasureAsync(Ada, Guid.NewGuid(), default));
        Assert.Equal("[email-1]", (await redaction.ForDisclosureAsync(Ada, Guid.NewGuid(), default))!.Rewrite("grace@example.com"));

        // a subject known by their e-mail address is recognised by it
        var newsletter = (await redaction.ForErasureAsync(new SubjectRef("acme", "ada@example.com"), Guid.NewGuid(), default))!;
        Assert.Equal("unsubscribe [user-1] please", newsletter.Rewrite("unsubscribe ada@example.com please"));
    }

    [Fact]
    public async Task Broken_text_never_throws_and_a_megabyte_is_rewritten()
    {
        var erase = (await ErasureAsync())!;
        var mask = (await DisclosureAsync())!;
        var big = string.Concat(Enumerable.Repeat("ping Ada at ada@example.com or grace@example.com; ", 20_000));

        foreach (var text in new[] { "", "\ud800", "Ada \udc00 ada@example.com \ud83d", new string('@', 100_000), new string('1', 100_000), big })
        {
            Assert.DoesNotContain("ada@example.com", erase.Rewrite(text), StringComparison.Ordinal);
            Assert.DoesNotContain("grace@example.com", mask.Rewrite(text), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_empty_erased_subject_label_is_a_start_up_error_naming_the_fix()
    {
        var ex = Assert.Throws<PrivacyException>(() => new PersonalDataScanner(new TextScannerOptions { ErasedSubjectLabel = " " }));
        Assert.Contains("ErasedSubjectLabel", ex.Message, StringComparison.Ordinal);
    }

    private static async ValueTask<IFreeTextRewriter?> ErasureAsync(SubjectIdentifiers? identifiers = null)
    {
        await using var provider = Services(identifiers ?? AdaIdentifiers);
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IFreeTextRedaction>().ForErasureAsync(Ada, Guid.NewGuid(), default);
    }

    private static async ValueTask<IFreeTextRewriter?> DisclosureAsync()
    {
        await using var provider = Services(AdaIdentifiers);
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IFreeTextRedaction>().ForDisclosureAsync(Ada, Guid.NewGuid(), default);
    }

    private static readonly SubjectIdentifiers AdaIdentifiers = new() { Names = ["Ada Lovelace"], EmailAddresses = ["ada@example.com"], PhoneNumbers = ["+44 20 7946 0018"] };

    private static ServiceProvider Services(SubjectIdentifiers? identifiers)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var builder = services.AddGoSmartPrivacy(o => o.PseudonymKey = Convert.ToBase64String(TestKeys.Key)).AddTextScanner(o => o.DefaultRegion = "GB");
        if (identifiers is not null)
        {
            services.AddSingleton(identifiers);
            builder.AddSubjectIdentifiers<StaticIdentifiers>();
        }

        return services.BuildServiceProvider();
    }

    private sealed class StaticIdentifiers(SubjectIdentifiers identifiers) : ISubjectIdentifierSource
    {
        public ValueTask<SubjectIdentifiers?> FindAsync(SubjectRef subject, CancellationToken cancellationToken) =>
            ValueTask.FromResult<SubjectIdentifiers?>(subject.SubjectId == "ada" ? identifiers : null);
    }
}
