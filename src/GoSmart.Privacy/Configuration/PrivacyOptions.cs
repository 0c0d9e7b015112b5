namespace GoSmart.Privacy;

/// <summary>Settings of the GoSmart.Privacy SDK, configured with <c>services.AddGoSmartPrivacy(o =&gt; …)</c> and validated at start-up.</summary>
public sealed class PrivacyOptions
{
    /// <summary>
    /// Gets or sets the key of <see cref="ErasureStrategy.Hash"/> pseudonyms and of log redaction, base64-encoded,
    /// at least <see cref="RedactionContext.MinimumKeyLength"/> bytes once decoded. Load it from configuration or a
    /// secret store; never write it in code. Changing it changes every pseudonym.
    /// </summary>
    public string? PseudonymKey { get; set; }

    /// <summary>
    /// Gets or sets the key that signs erasure certificates, base64, at least 32 bytes. When not set, a key is
    /// derived from <see cref="PseudonymKey"/> (HKDF-SHA256); set a separate key to rotate them independently.
    /// </summary>
    public string? CertificateKey { get; set; }

    /// <summary>
    /// Gets or sets a P-256 private key in PEM that signs erasure certificates with ECDSA instead of HMAC, so that a
    /// customer or a supervisory authority verifies them with the public key alone
    /// (<see cref="Certificates.ErasureCertificateVerifier.Verify"/>). Make one with <see cref="Certificates.EcdsaCertificateSigner.CreatePrivateKeyPem"/>
    /// and keep it in a secret store; publish <see cref="Certificates.EcdsaCertificateSigner.PublicKeyPem"/>.
    /// </summary>
    public string? CertificateSigningKeyPem { get; set; }

    /// <summary>Gets or sets how many handlers of one request run at once (1–64; default 4).</summary>
    public int MaxParallelHandlers { get; set; } = 4;

    /// <summary>Gets or sets how many times a failing handler is retried before its step fails (0–10; default 3).</summary>
    public int HandlerRetries { get; set; } = 3;

    /// <summary>Gets or sets the first retry's delay; later retries back off exponentially, with jitter (0 to 5 minutes; default 2 seconds).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets the controller's time zone: a request's deadline (Art. 12(3)) runs to the end of its last day
    /// there, not to the minute of receipt (default UTC). Use <see cref="TimeZoneInfo.FindSystemTimeZoneById(string)"/>
    /// with an IANA id such as <c>Europe/Berlin</c>.
    /// </summary>
    public TimeZoneInfo ControllerTimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>
    /// Gets or sets the name of the service this engine instance belongs to (e.g. <c>crm</c>, <c>chat</c>); instances of
    /// several services sharing one database each run the steps of the handlers they host. Defaults to the entry
    /// assembly's name.
    /// </summary>
    public string ServiceName { get; set; } = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "service";

    /// <summary>Gets or sets how long a claimed step stays with its instance without renewal; renewed while the handler runs, it passes to another instance only when its owner stopped (30 seconds to 1 hour; default 2 minutes).</summary>
    public TimeSpan StepLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets after how long without a heartbeat an engine instance counts as gone: reports then show its handlers' steps as waiting for a live instance (default 1 minute).</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how long, on a shared store (PostgreSQL), a cached restriction or objection answer is used before it is read again: the longest another instance's restriction takes to arrive (default 5 seconds).</summary>
    public TimeSpan RestrictionCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets whether a request runs its handlers as soon as it is verified (default); otherwise call <see cref="IPrivacyRequestService.ProcessAsync"/>.</summary>
    public bool ProcessAfterVerification { get; set; } = true;

    /// <summary>Gets what every access package tells the subject (Art. 15(1)): controller, purposes, recipients, retention, sources.</summary>
    public PrivacyDisclosure Disclosure { get; } = new();

    /// <summary>Gets the consent ledger's purposes and receipt details (used after <c>AddConsentLedger()</c>).</summary>
    public ConsentOptions Consent { get; } = new();

    /// <summary>
    /// Gets each customer's disclosure, by tenant, for processor mode: a request of a
    /// <see cref="DataSubjectKind.Subscriber"/> — the customer's own contact, whose data the host processes on the
    /// customer's behalf — is answered in the customer's name, with the host named as processor. A Subscriber's
    /// request for a tenant with no disclosure here is refused.
    /// </summary>
    public IDictionary<string, PrivacyDisclosure> TenantDisclosures { get; } = new Dictionary<string, PrivacyDisclosure>(StringComparer.Ordinal);

    /// <summary>Gets which tagged types erasure must reach, and those acknowledged as out of scope.</summary>
    public ErasureCoverageOptions Coverage { get; } = new();

    /// <summary>Gets the retention rules (policy §6): checked at start-up, disclosed in every access package beside <see cref="PrivacyDisclosure.Retention"/>.</summary>
    public RetentionOptions Retention { get; } = new();

    /// <summary>Gets how crypto-shredding caches subjects' data keys (with <c>AddCryptoShredding</c>).</summary>
    public CryptoShreddingOptions CryptoShredding { get; } = new();
}
