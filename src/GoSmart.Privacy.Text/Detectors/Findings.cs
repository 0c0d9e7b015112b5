namespace GoSmart.Privacy.Text.Detectors;

/// <summary>The findings of one scan, allocated only when there is one.</summary>
internal struct Findings
{
    private List<TextFinding>? _items;

    public void Add(TextFinding finding) => (_items ??= []).Add(finding);

    /// <summary>Whether a finding of one of <paramref name="types"/> overlaps [start, end).</summary>
    public readonly bool Overlaps(int start, int end, params ReadOnlySpan<TextEntityType> types)
    {
        if (_items is null)
        {
            return false;
        }

        foreach (var f in _items)
        {
            if (f.Start < end && start < f.End && types.Contains(f.Type))
            {
                return true;
            }
        }

        return false;
    }

    public readonly IReadOnlyList<TextFinding> Sorted()
    {
        if (_items is null)
        {
            return [];
        }

        _items.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        return _items;
    }
}
