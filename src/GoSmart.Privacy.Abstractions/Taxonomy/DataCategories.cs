namespace GoSmart.Privacy;

/// <summary>
/// Data-category keys: dotted, lower-case, compatible with fideslang's <c>user.*</c> taxonomy so
/// that data maps can be exchanged with Fides. They cover every data type the Go Smart privacy
/// policy names. Host apps may use their own keys under <c>user.</c> or <c>system.</c> in the same form.
/// </summary>
public static class DataCategories
{
    /// <summary>Personal data of no more specific category: fideslang's root. Key <c>user</c>.</summary>
    public const string User = "user";

    /// <summary>An identifier of the person: account id, customer id, subject id. Key <c>user.unique_id</c>.</summary>
    public const string UniqueId = "user.unique_id";

    /// <summary>A pseudonymous identifier, such as a keyed hash of an id. Key <c>user.unique_id.pseudonymous</c>.</summary>
    public const string Pseudonym = "user.unique_id.pseudonymous";

    /// <summary>Account details: status, plan, settings of a customer or end-user account. Key <c>user.account</c>.</summary>
    public const string Account = "user.account";

    /// <summary>The account's user name or login. Key <c>user.account.username</c>.</summary>
    public const string AccountUsername = "user.account.username";

    /// <summary>A password or password hash. Key <c>user.account.password</c>.</summary>
    public const string AccountPassword = "user.account.password";

    /// <summary>Account settings and preferences. Key <c>user.account.settings</c>.</summary>
    public const string AccountSettings = "user.account.settings";

    /// <summary>The account's status (active, suspended, closed). Key <c>user.account.status</c>.</summary>
    public const string AccountStatus = "user.account.status";

    /// <summary>Pages and accounts linked through integrations (Facebook, Google, …). Key <c>user.account.linked_pages</c>.</summary>
    public const string AccountLinkedPages = "user.account.linked_pages";

    /// <summary>The Go Smart products and plans the account uses. Key <c>user.account.products</c>.</summary>
    public const string AccountProductsInUse = "user.account.products";

    /// <summary>A person's full name. Key <c>user.name</c>.</summary>
    public const string Name = "user.name";

    /// <summary>A person's given name. Key <c>user.name.first</c>.</summary>
    public const string FirstName = "user.name.first";

    /// <summary>A person's family name. Key <c>user.name.last</c>.</summary>
    public const string LastName = "user.name.last";

    /// <summary>Contact details in general. Key <c>user.contact</c>.</summary>
    public const string Contact = "user.contact";

    /// <summary>An email address. Key <c>user.contact.email</c>.</summary>
    public const string ContactEmail = "user.contact.email";

    /// <summary>A telephone number. Key <c>user.contact.phone_number</c>.</summary>
    public const string ContactPhone = "user.contact.phone_number";

    /// <summary>A postal address as a whole. Key <c>user.contact.address</c>.</summary>
    public const string ContactAddress = "user.contact.address";

    /// <summary>The street and house number of a postal address. Key <c>user.contact.address.street</c>.</summary>
    public const string ContactStreet = "user.contact.address.street";

    /// <summary>The city of a postal address. Key <c>user.contact.address.city</c>.</summary>
    public const string ContactCity = "user.contact.address.city";

    /// <summary>The postal code of a postal address. Key <c>user.contact.address.postal_code</c>.</summary>
    public const string ContactPostalCode = "user.contact.address.postal_code";

    /// <summary>The state or region of a postal address. Key <c>user.contact.address.state</c>.</summary>
    public const string ContactState = "user.contact.address.state";

    /// <summary>The country of a postal address. Key <c>user.contact.address.country</c>.</summary>
    public const string ContactCountry = "user.contact.address.country";

    /// <summary>A personal web page or profile URL. Key <c>user.contact.url</c>.</summary>
    public const string ContactUrl = "user.contact.url";

    /// <summary>The company or organisation a person belongs to. Key <c>user.contact.organization</c>.</summary>
    public const string Organization = "user.contact.organization";

    /// <summary>A person's job title. Key <c>user.job_title</c>.</summary>
    public const string JobTitle = "user.job_title";

    /// <summary>A person's workplace. Key <c>user.workplace</c>.</summary>
    public const string Workplace = "user.workplace";

    /// <summary>Location in general. Key <c>user.location</c>.</summary>
    public const string Location = "user.location";

    /// <summary>Imprecise location: country, region, city. Key <c>user.location.imprecise</c>.</summary>
    public const string LocationImprecise = "user.location.imprecise";

    /// <summary>Precise location: coordinates. Key <c>user.location.precise</c>.</summary>
    public const string LocationPrecise = "user.location.precise";

    /// <summary>Financial information in general. Key <c>user.financial</c>.</summary>
    public const string Financial = "user.financial";

    /// <summary>Payment card details: store only the last four digits. Key <c>user.financial.credit_card</c>.</summary>
    public const string FinancialCreditCard = "user.financial.credit_card";

    /// <summary>Bank account details such as an IBAN. Key <c>user.financial.bank_account</c>.</summary>
    public const string FinancialBankAccount = "user.financial.bank_account";

    /// <summary>A billing or customer account number. Key <c>user.financial.account_number</c>.</summary>
    public const string FinancialAccountNumber = "user.financial.account_number";

    /// <summary>Payment information: amounts, dates, invoices, transactions. Key <c>user.financial.payment</c>.</summary>
    public const string Payment = "user.financial.payment";

    /// <summary>Content a person created. Key <c>user.content</c>.</summary>
    public const string Content = "user.content";

    /// <summary>Messages: chat messages, emails and their attachments. Key <c>user.content.message</c>.</summary>
    public const string ContentMessage = "user.content.message";

    /// <summary>Support requests and their correspondence. Key <c>user.content.support_request</c>.</summary>
    public const string ContentSupportRequest = "user.content.support_request";

    /// <summary>What a person filled into a form (contact, demo request, event registration). Key <c>user.content.form_submission</c>.</summary>
    public const string ContentFormSubmission = "user.content.form_submission";

    /// <summary>Private content a person keeps in the Service. Key <c>user.content.private</c>.</summary>
    public const string ContentPrivate = "user.content.private";

    /// <summary>Content a person published, such as comments in a community group. Key <c>user.content.public</c>.</summary>
    public const string ContentPublic = "user.content.public";

    /// <summary>Customer content: data a customer imported about its own Subscribers. Key <c>user.content.customer_content</c>.</summary>
    public const string CustomerContent = "user.content.customer_content";

    /// <summary>Device information in general. Key <c>user.device</c>.</summary>
    public const string Device = "user.device";

    /// <summary>An Internet Protocol address. Key <c>user.device.ip_address</c>.</summary>
    public const string DeviceIpAddress = "user.device.ip_address";

    /// <summary>A device identifier. Key <c>user.device.device_id</c>.</summary>
    public const string DeviceId = "user.device.device_id";

    /// <summary>Device type and model. Key <c>user.device.type</c>.</summary>
    public const string DeviceType = "user.device.type";

    /// <summary>Operating system and its settings. Key <c>user.device.operating_system</c>.</summary>
    public const string DeviceOperatingSystem = "user.device.operating_system";

    /// <summary>Browser type, settings, configuration and plugins. Key <c>user.device.browser</c>.</summary>
    public const string DeviceBrowser = "user.device.browser";

    /// <summary>A cookie or similar technology's value. Key <c>user.device.cookie</c>.</summary>
    public const string DeviceCookie = "user.device.cookie";

    /// <summary>An identifier stored in a cookie. Key <c>user.device.cookie_id</c>.</summary>
    public const string DeviceCookieId = "user.device.cookie_id";

    /// <summary>Behaviour in general. Key <c>user.behavior</c>.</summary>
    public const string Behavior = "user.behavior";

    /// <summary>Pages or features visited, time spent, frequency, links clicked. Key <c>user.behavior.browsing_history</c>.</summary>
    public const string BehaviorBrowsingHistory = "user.behavior.browsing_history";

    /// <summary>Dates and times of use of the Service. Key <c>user.behavior.service_usage</c>.</summary>
    public const string BehaviorServiceUsage = "user.behavior.service_usage";

    /// <summary>Email performance data: opens and clicks tracked by a clear image. Key <c>user.behavior.email_engagement</c>.</summary>
    public const string BehaviorEmailEngagement = "user.behavior.email_engagement";

    /// <summary>Language preferences. Key <c>user.demographic.language</c>.</summary>
    public const string Language = "user.demographic.language";

    /// <summary>Date of birth. Key <c>user.demographic.date_of_birth</c>.</summary>
    public const string DateOfBirth = "user.demographic.date_of_birth";

    /// <summary>Age or age range. Key <c>user.demographic.age_range</c>.</summary>
    public const string Age = "user.demographic.age_range";

    /// <summary>Gender. Key <c>user.demographic.gender</c>.</summary>
    public const string Gender = "user.demographic.gender";

    /// <summary>Demographic data in general. Key <c>user.demographic</c>.</summary>
    public const string Demographic = "user.demographic";

    /// <summary>Social-network profile data seen through communities and integrations. Key <c>user.social</c>.</summary>
    public const string Social = "user.social";

    /// <summary>Consents, objections and privacy choices. Key <c>user.privacy_preferences</c>.</summary>
    public const string PrivacyPreferences = "user.privacy_preferences";

    /// <summary>Credentials and tokens. Key <c>user.authorization.credentials</c>.</summary>
    public const string Credentials = "user.authorization.credentials";

    /// <summary>Data about a child. Key <c>user.childrens</c>.</summary>
    public const string Childrens = "user.childrens";

    /// <summary>Racial or ethnic origin (Art. 9(1)). Key <c>user.demographic.race_ethnicity</c>.</summary>
    public const string RaceEthnicity = "user.demographic.race_ethnicity";

    /// <summary>Political opinions (Art. 9(1)). Key <c>user.demographic.political_opinion</c>.</summary>
    public const string PoliticalOpinion = "user.demographic.political_opinion";

    /// <summary>Religious or philosophical beliefs (Art. 9(1)). Key <c>user.demographic.religious_belief</c>.</summary>
    public const string ReligiousBelief = "user.demographic.religious_belief";

    /// <summary>Trade-union membership (Art. 9(1)). Key <c>user.demographic.trade_union_membership</c>.</summary>
    public const string TradeUnionMembership = "user.demographic.trade_union_membership";

    /// <summary>Genetic data (Art. 9(1)). Key <c>user.health_and_medical.genetic</c>.</summary>
    public const string Genetic = "user.health_and_medical.genetic";

    /// <summary>Biometric data for identification (Art. 9(1)). Key <c>user.biometric</c>.</summary>
    public const string Biometric = "user.biometric";

    /// <summary>Data concerning health (Art. 9(1)). Key <c>user.health_and_medical</c>.</summary>
    public const string Health = "user.health_and_medical";

    /// <summary>Sex life or sexual orientation (Art. 9(1)). Key <c>user.demographic.sexual_orientation</c>.</summary>
    public const string SexualOrientation = "user.demographic.sexual_orientation";

    /// <summary>Criminal convictions and offences (Art. 10). Key <c>user.criminal_history</c>.</summary>
    public const string CriminalHistory = "user.criminal_history";

    /// <summary>Government identifiers such as social security numbers (Art. 87). Key <c>user.government_id</c>.</summary>
    public const string GovernmentId = "user.government_id";

    /// <summary>Every key defined by this class.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        User,
        UniqueId,
        Pseudonym,
        Account,
        AccountUsername,
        AccountPassword,
        AccountSettings,
        AccountStatus,
        AccountLinkedPages,
        AccountProductsInUse,
        Name,
        FirstName,
        LastName,
        Contact,
        ContactEmail,
        ContactPhone,
        ContactAddress,
        ContactStreet,
        ContactCity,
        ContactPostalCode,
        ContactState,
        ContactCountry,
        ContactUrl,
        Organization,
        JobTitle,
        Workplace,
        Location,
        LocationImprecise,
        LocationPrecise,
        Financial,
        FinancialCreditCard,
        FinancialBankAccount,
        FinancialAccountNumber,
        Payment,
        Content,
        ContentMessage,
        ContentSupportRequest,
        ContentFormSubmission,
        ContentPrivate,
        ContentPublic,
        CustomerContent,
        Device,
        DeviceIpAddress,
        DeviceId,
        DeviceType,
        DeviceOperatingSystem,
        DeviceBrowser,
        DeviceCookie,
        DeviceCookieId,
        Behavior,
        BehaviorBrowsingHistory,
        BehaviorServiceUsage,
        BehaviorEmailEngagement,
        Language,
        DateOfBirth,
        Age,
        Gender,
        Demographic,
        Social,
        PrivacyPreferences,
        Credentials,
        Childrens,
        RaceEthnicity,
        PoliticalOpinion,
        ReligiousBelief,
        TradeUnionMembership,
        Genetic,
        Biometric,
        Health,
        SexualOrientation,
        CriminalHistory,
        GovernmentId,
    ];
}
