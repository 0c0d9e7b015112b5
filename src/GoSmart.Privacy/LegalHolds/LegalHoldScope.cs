namespace GoSmart.Privacy;

/// <summary>What a <see cref="LegalHold"/> holds.</summary>
public enum LegalHoldScope
{
    /// <summary>One subject in one tenant: every area of their data.</summary>
    Subject = 0,

    /// <summary>A whole tenant (customer account): every subject's data in it.</summary>
    Tenant = 1,

    /// <summary>A data category (e.g. <c>user.financial</c>): every handler area that holds a member of it.</summary>
    Category = 2,

    /// <summary>One handler's area (e.g. <c>crm.db/Invoice</c>), for every subject.</summary>
    Handler = 3,
}
