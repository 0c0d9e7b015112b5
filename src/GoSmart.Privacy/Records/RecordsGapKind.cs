namespace GoSmart.Privacy.Records;

/// <summary>The kinds of gap in the records.</summary>
public enum RecordsGapKind
{
    /// <summary>A category the code holds that no purpose names (Art. 5(1)(b)).</summary>
    DataWithoutPurpose = 0,

    /// <summary>A purpose that names no category.</summary>
    PurposeWithoutData = 1,

    /// <summary>An entity type no erasure handler covers and nothing acknowledges.</summary>
    UncoveredEntity = 2,

    /// <summary>A tenant whose data the host processes has no disclosure naming its controller.</summary>
    TenantWithoutController = 3,
}
