namespace GoSmart.Privacy;

/// <summary>Thrown when a request changed between reading and writing it: read it again and retry.</summary>
public sealed class PrivacyConcurrencyException : PrivacyException
{
    /// <summary>Initializes a new instance.</summary>
    public PrivacyConcurrencyException()
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public PrivacyConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PrivacyConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
