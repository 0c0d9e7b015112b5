using System.Text;

namespace GoSmart.Privacy.Generators.Emission;

/// <summary>Writes indented C# lines.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="line"/> (if any) and an opening brace, and indents.</summary>
    public SourceWriter Open(string? line = null)
    {
        if (line is not null)
        {
            Line(line);
        }

        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Outdents and writes a closing brace followed by <paramref name="suffix"/>.</summary>
    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
