namespace GoSmart.Privacy.AspNetCore;

/// <summary>What the public form sends (JSON, or form fields of the same names).</summary>
/// <param name="Email">The requester's e-mail address: the link that confirms the request goes there, and it identifies their data.</param>
/// <param name="Right">The right exercised: access, portability, erasure, restriction, objection (those the form offers).</param>
/// <param name="Name">Their name, if they give it: it helps find their records.</param>
/// <param name="SubjectKind">Who they are to the controller (websiteVisitor, newsletterSubscriber, prospect, counterpart), when the page lets them say.</param>
/// <param name="Details">Anything they add.</param>
/// <param name="Purpose">The purpose objected to (objection only).</param>
public sealed record PublicRequestBody(string? Email, string? Right, string? Name = null, string? SubjectKind = null, string? Details = null, string? Purpose = null);
