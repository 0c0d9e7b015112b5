namespace GoSmart.Privacy.Rules;

/// <summary>One broken annotation rule: its stable id, whether it is an error, and a message naming the type, the member and the fix.</summary>
internal sealed class RuleViolation
{
    public RuleViolation(string id, bool isError, string memberName, string message)
    {
        Id = id;
        IsError = isError;
        MemberName = memberName;
        Message = message;
    }

    public string Id { get; }

    public bool IsError { get; }

    public string MemberName { get; }

    public string Message { get; }

    public override string ToString() => Id + ": " + Message;
}
