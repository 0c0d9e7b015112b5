namespace GoSmart.Privacy;

/// <summary>Who opened a request.</summary>
public enum RequestOrigin
{
    /// <summary>The data subject (or someone acting for them): identity is verified before anything runs.</summary>
    Subject = 0,

    /// <summary>The controller itself, e.g. on learning that a subject is a child (policy section 8): no identity check.</summary>
    Controller = 1,
}
