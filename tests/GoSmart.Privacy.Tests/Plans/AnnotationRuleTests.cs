using GoSmart.Privacy.Tests.Models;

namespace GoSmart.Privacy.Tests.Plans;

public class AnnotationRuleTests
{
    [Theory]
    [InlineData(typeof(BadCategory), "GSP002", "Email", "DataCategories")]
    [InlineData(typeof(RetainWithoutExemption), "GSP004", "Amount", "Set Exemption")]
    [InlineData(typeof(TwoSubjectIds), "GSP005", "Email", "keep [DataSubjectId] on one member")]
    [InlineData(typeof(MaskOnDate), "GSP003", "BirthDate", "Use one of: Erase, Generalize, Retain")]
    [InlineData(typeof(HashOnInt), "GSP003", "Age", "Use one of: Erase, Generalize, Retain")]
    [InlineData(typeof(UnsupportedType), "GSP008", "Website", "not supported")]
    [InlineData(typeof(TagOnNested), "GSP012", "Address", "Remove the tag")]
    [InlineData(typeof(SubjectIdOfWrongType), "GSP009", "Id", "Guid, string, long or int")]
    [InlineData(typeof(FreeTextOnList), "GSP016", "Lines", "on a string member")]
    public void A_broken_rule_throws_naming_the_type_the_member_and_the_fix(Type type, string id, string member, string fix)
    {
        var ex = Assert.Throws<InvalidPrivacyAnnotationException>(() => PersonalDataPlans.ForReflection(type));

        Assert.Equal(type, ex.EntityType);
        var violation = Assert.Single(ex.Violations, v => v.IsError);
        Assert.Equal(id, violation.DiagnosticId);
        Assert.Equal(member, violation.MemberName);
        Assert.Contains($"'{type.FullName}.{member}'".Replace('+', '.'), ex.Message, StringComparison.Ordinal);
        Assert.Contains(fix, ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<PrivacyException>(ex);
    }

    [Fact]
    public void A_rewritten_key_member_is_a_warning_the_runtime_lists_with_the_errors_as_the_analyzer_does()
    {
        var ex = Assert.Throws<InvalidPrivacyAnnotationException>(() => PersonalDataPlans.ForReflection<KeyedByEmail>());

        var warning = Assert.Single(ex.Violations, v => !v.IsError);
        Assert.Equal(("GSP015", "Email"), (warning.DiagnosticId, warning.MemberName));
        Assert.Contains("part of the primary key", warning.Message, StringComparison.Ordinal);
        Assert.Equal("GSP002", Assert.Single(ex.Violations, v => v.IsError).DiagnosticId);
    }

    [Fact]
    public void Every_problem_of_a_type_is_listed_at_once()
    {
        var ex = Assert.Throws<InvalidPrivacyAnnotationException>(() => PersonalDataPlans.For<ManyProblems>());
        Assert.Equal(["GSP002", "GSP003"], ex.Violations.Select(v => v.DiagnosticId));
    }

    [Fact]
    public void A_problem_in_a_nested_type_fails_the_outer_plan_and_names_the_nested_type()
    {
        var ex = Assert.Throws<InvalidPrivacyAnnotationException>(() => PersonalDataPlans.For<NestedBad>());
        Assert.Equal(typeof(BadCategory), Assert.Single(ex.Violations).Type);
        Assert.Contains("BadCategory.Email", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_computed_member_with_a_strategy_builds_and_reports_that_it_could_not_be_written()
    {
        var plan = PersonalDataPlans.For<Computed>();
        var report = plan.Redact(new Computed { First = "Ada" }, TestKeys.Context);

        Assert.False(plan.Members.Single(m => m.Path == "Full").IsWritable);
        Assert.Contains(new RedactionEntry("Full", RedactionOutcome.NotWritable, ErasureExemption.None, 1), report.Entries);
        Assert.Contains(new RedactionEntry("First", RedactionOutcome.Erased, ErasureExemption.None, 1), report.Entries);
    }

    [Fact]
    public void Open_generic_types_are_refused_with_our_exception()
    {
        var ex = Assert.Throws<PrivacyException>(() => PersonalDataPlans.For(typeof(List<>)));
        Assert.Contains("closed", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user.contact.email", true)]
    [InlineData("user.custom_thing.sub-key2", true)]
    [InlineData("system.operations", true)]
    [InlineData("user", true)]
    [InlineData("User.contact", false)]
    [InlineData("user..email", false)]
    [InlineData("user.email.", false)]
    [InlineData("customer.email", false)]
    [InlineData("user.9lives", false)]
    [InlineData("", false)]
    public void Category_keys_follow_the_fideslang_form(string key, bool valid)
    {
        Assert.Equal(valid, GoSmart.Privacy.Rules.CategoryKeys.IsValid(key));
    }

    [Fact]
    public void Every_built_in_category_key_is_valid_and_unique()
    {
        Assert.All(DataCategories.All, k => Assert.True(GoSmart.Privacy.Rules.CategoryKeys.IsValid(k), k));
        Assert.Equal(DataCategories.All.Count, DataCategories.All.Distinct().Count());
        Assert.All(Enum.GetValues<SpecialCategory>(), c => Assert.Contains(SpecialCategories.CategoryKey(c), DataCategories.All));
    }
}
