using System.Net;

namespace GoSmart.Privacy;

/// <summary>How a decision was collected.</summary>
public enum ConsentMethod
{
    /// <summary>A form the subject filled in.</summary>
    Form = 0,

    /// <summary>A cookie or consent banner.</summary>
    Banner = 1,

    /// <summary>An API call on the subject's behalf (e.g. from a mobile app's settings).</summary>
    Api = 2,

    /// <summary>Imported from another system, with its own evidence.</summary>
    Import = 3,

    /// <summary>A link in an e-mail (e.g. the unsubscribe link every marketing message carries).</summary>
    EmailLink = 4,

    /// <summary>A Global Privacy Control (<c>Sec-GPC: 1</c>) signal from the subject's browser.</summary>
    GlobalPrivacyControl = 5,
}
