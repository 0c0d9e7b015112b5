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

    /// <summary>Removes the findings of <paramref name="type"/> that lie inside a finding of one of <paramref name="holders"/>.</summary>
    public readonly void DropInside(TextEntityType type, params ReadOnlySpan<TextEntityType> holders)
    {
        if (_items is null)
        {
            return;
        }

        for (var i = _items.Count - 1; i >= 0; i--)
        {
            var f = _items[i];
            if (f.Type != type)
            {
                continue;
            }

            foreach (var h in _items)
            {
                if (holders.Contains(h.Type) && h.Start <= f.Start && f.End <= h.End)
                {
                    _items.RemoveAt(i);
                    break;
                }
            }
        }
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
