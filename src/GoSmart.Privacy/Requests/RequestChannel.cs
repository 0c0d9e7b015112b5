namespace GoSmart.Privacy;

/// <summary>How a request reached the controller: kept with the request as evidence, and deciding how the requester is verified.</summary>
public enum RequestChannel
{
    /// <summary>A signed-in user asked about themselves: the host's <c>IIdentityVerifier</c> decides (Art. 12(6)).</summary>
    SelfService = 0,

    /// <summary>Someone without an account used the public form: the request waits until the e-mail address is confirmed by the one-time link.</summary>
    WebForm = 1,

    /// <summary>An e-mail to the privacy contact, recorded by an administrator.</summary>
    Email = 2,

    /// <summary>A letter, recorded by an administrator.</summary>
    Letter = 3,

    /// <summary>A telephone call, recorded by an administrator.</summary>
    Phone = 4,

    /// <summary>In person, recorded by an administrator.</summary>
    InPerson = 5,
}
