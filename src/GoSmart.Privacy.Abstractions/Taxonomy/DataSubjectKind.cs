namespace GoSmart.Privacy;

/// <summary>The kinds of data subject the Go Smart privacy policy names.</summary>
public enum DataSubjectKind
{
    /// <summary>A customer of the Service (Go Smart is controller).</summary>
    Customer = 0,

    /// <summary>An end user of a customer's account in the Service.</summary>
    EndUser = 1,

    /// <summary>A representative of a customer or counterpart.</summary>
    Representative = 2,

    /// <summary>A visitor of the Site.</summary>
    WebsiteVisitor = 3,

    /// <summary>A newsletter subscriber.</summary>
    NewsletterSubscriber = 4,

    /// <summary>A potential customer.</summary>
    Prospect = 5,

    /// <summary>A counterpart (contract party) or its representative.</summary>
    Counterpart = 6,

    /// <summary>A customer's own contact ("Subscriber"): Go Smart processes this data as processor, on the customer's behalf.</summary>
    Subscriber = 7,
}
