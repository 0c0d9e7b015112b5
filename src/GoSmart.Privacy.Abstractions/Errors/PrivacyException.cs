namespace GoSmart.Privacy;

/// <summary>Base of every exception the GoSmart.Privacy SDK throws for bad input or a broken invariant.</summary>
public class PrivacyException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    public PrivacyException()
    {
    }

    /// <summary>Initializes a new instance with a message that says what was wrong and how to fix it.</summary>
    /// <param name="message">The message.</param>
    public PrivacyException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PrivacyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
