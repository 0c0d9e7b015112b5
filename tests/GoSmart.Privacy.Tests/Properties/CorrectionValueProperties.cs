using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using GoSmart.Privacy.Tests.Models;

namespace GoSmart.Privacy.Tests.Properties;

/// <summary>
/// One rule decides whether a corrected value fits its member — at submission, in the privacy center's form and in
/// the handler that applies it: whatever a member holds, written as invariant text, fits; what is refused is refused
/// before anything is stored.
/// </summary>
public class CorrectionValueProperties
{
    [Property(MaxTest = 300)]
    public bool Any_value_of_a_member_written_as_invariant_text_fits_it(int number, decimal amount, bool flag, DateTime when, long? maybe)
    {
        return TextValues.Fits(number.ToString(CultureInfo.InvariantCulture), typeof(int))
            && TextValues.Fits(amount.ToString(CultureInfo.InvariantCulture), typeof(decimal))
            && TextValues.Fits(flag.ToString(CultureInfo.InvariantCulture), typeof(bool))
            && TextValues.Fits(when.ToString("O", CultureInfo.InvariantCulture), typeof(DateTime))
            && TextValues.Fits(maybe?.ToString(CultureInfo.InvariantCulture), typeof(long?));
    }

    [Property(MaxTest = 300)]
    public bool A_correction_that_does_not_fit_is_refused_at_submission_with_the_kind_of_value_expected(NonEmptyString text)
    {
        var value = text.Get;
        var fits = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
        try
        {
            GoSmart.Privacy.Requests.Handlers.CorrectionRules.Check([new MemberCorrection(nameof(EraseEveryType), nameof(EraseEveryType.Number), value)], new[] { typeof(EraseEveryType) });
            return fits;
        }
        catch (PrivacyException e)
        {
            return !fits && e.Message.Contains("a whole number, e.g. 42", StringComparison.Ordinal);
        }
    }

    [Property(MaxTest = 100)]
    public bool Text_fits_a_text_member_and_only_a_nullable_member_may_be_cleared(string? text) =>
        TextValues.Fits(text, typeof(string))
        && TextValues.Fits(null, typeof(int?))
        && !TextValues.Fits(null, typeof(int));
}
