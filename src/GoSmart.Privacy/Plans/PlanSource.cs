namespace GoSmart.Privacy;

/// <summary>Where a <see cref="IPersonalDataPlan"/> came from.</summary>
public enum PlanSource
{
    /// <summary>Built at run time by reflection, with compiled accessors.</summary>
    Reflection = 0,

    /// <summary>Emitted at compile time by the GoSmart.Privacy source generator.</summary>
    Generated = 1,
}
