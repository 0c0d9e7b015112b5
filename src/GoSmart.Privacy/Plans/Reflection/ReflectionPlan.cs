namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>What the builder produces for one root type: the node tree, the flat member list and the subject-id reader.</summary>
internal sealed record ReflectionPlan(TypeNode Root, PersonalMember[] Members, bool IsRecursive, string? SubjectIdPath, Func<object, object?>? SubjectId);
