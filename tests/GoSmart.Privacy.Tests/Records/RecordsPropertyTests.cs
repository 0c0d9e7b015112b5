using FsCheck.Xunit;
using GoSmart.Privacy.Records;

namespace GoSmart.Privacy.Tests.Records;

/// <summary>Nothing silent in the records: whatever purposes a host declares, every category a plan holds is either under a purpose or a gap.</summary>
public class RecordsPropertyTests
{
    [Property(MaxTest = 60)]
    public bool Every_category_held_is_under_a_purpose_or_reported_as_a_gap_never_both_never_neither(byte[] picks)
    {
        var categories = picks.Select(p => DataCategories.All[p % DataCategories.All.Count]).Distinct(StringComparer.Ordinal).ToArray();
        var options = RecordsTestSetup.Options(o =>
        {
            o.Disclosure.Purposes.Clear();
            o.Consent.Purposes.Clear();
            o.Disclosure.Purposes.Add(new("picked", "Picked categories.", LegalBasis.Contract) { Categories = categories });
        });
        var records = RecordsTestSetup.Build(options, typeof(Models.Contact), typeof(Models.Deal));
        var purposed = records.Controllers.SelectMany(c => c.Activities).SelectMany(a => a.DataCategories).ToHashSet(StringComparer.Ordinal);
        var gaps = records.Gaps.Where(g => g.Kind == RecordsGapKind.DataWithoutPurpose).Select(g => g.Subject).ToHashSet(StringComparer.Ordinal);

        return records.Entities.SelectMany(e => e.Members).All(m => purposed.Contains(m.Category) ^ gaps.Contains(m.Category))
            && (categories.Length > 0 || records.Gaps.Any(g => g.Kind == RecordsGapKind.PurposeWithoutData));
    }
}
