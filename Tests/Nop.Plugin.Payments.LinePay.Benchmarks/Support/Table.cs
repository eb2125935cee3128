namespace Nop.Plugin.Payments.LinePay.Benchmarks.Support;

/// <summary>
/// A table printed as Markdown, so that figures can be pasted into the README as they are
/// </summary>
public sealed class Table(string title, params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public Table Add(params object[] cells)
    {
        _rows.Add(cells.Select(Format).ToArray());
        return this;
    }

    public void Print()
    {
        var widths = headers.Select((header, i) => _rows.Select(row => row[i].Length).Append(header.Length).Max()).ToArray();
        string line(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select((cell, i) => cell.PadRight(widths[i]))) + " |";

        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine(line(headers));
        Console.WriteLine(line(widths.Select(width => new string('-', width))));
        foreach (var row in _rows)
            Console.WriteLine(line(row));
        Console.WriteLine();
    }

    private static string Format(object cell) => cell switch
    {
        double value => value.ToString(value >= 100 ? "F0" : value >= 10 ? "F1" : "F2", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => cell?.ToString() ?? string.Empty
    };
}
