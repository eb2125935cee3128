using FsCheck;
using FsCheck.Fluent;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// Runs a model-based test: generated sequences, each run and checked against invariants; a failing sequence is
/// shrunk to the shortest one that still fails and printed with the seed that replays it. Prints how many sequences,
/// events and violations there were, and how the runs ended.
/// </summary>
public static class ModelCheck
{
    /// <summary>How many sequences to run: LINEPAY_MODEL_SEQUENCES divided by the cost of one, or the default</summary>
    public static int Sequences(int byDefault, int cost = 1) =>
        int.TryParse(Environment.GetEnvironmentVariable("LINEPAY_MODEL_SEQUENCES"), out var count) ? Math.Max(1, count / cost) : byDefault;

    /// <summary>
    /// Checks that <paramref name="run"/> finds no violation in any of <paramref name="sequences"/> generated cases
    /// </summary>
    /// <param name="name">What the printed summary calls the model</param>
    /// <param name="length">How many events a case has</param>
    /// <param name="run">Runs a case; returns the invariants it broke, described</param>
    /// <param name="endings">How the runs ended, counted by the caller, printed after the summary</param>
    public static void Run<TCase>(string name, int sequences, Gen<TCase> cases, Func<TCase, IEnumerable<TCase>> shrink,
        Func<TCase, int> length, Func<TCase, Task<IList<string>>> run, IReadOnlyDictionary<string, int> endings)
    {
        var (ran, events, violations) = (0, 0, 0);
        var property = Prop.ForAll(Arb.From(cases, shrink), async (TCase modelCase) =>
        {
            ran++;
            events += length(modelCase);
            var found = await run(modelCase);
            if (found.Count == 0)
                return true;

            violations++;
            throw new InvalidOperationException(string.Join(Environment.NewLine, found));
        });

        try
        {
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(sequences).WithQuietOnSuccess(true), property);
        }
        finally
        {
            TestContext.Progress.WriteLine($"{name}: {ran} sequences, {events} events, {violations} invariant violations");
            TestContext.Progress.WriteLine("ended as: " + string.Join(", ", endings.OrderByDescending(ending => ending.Value)
                .Select(ending => $"{ending.Key} {ending.Value}")));
        }
    }

    /// <summary>The events without each half, quarter… of them, shortest first</summary>
    public static IEnumerable<IReadOnlyList<TEvent>> WithoutParts<TEvent>(IReadOnlyList<TEvent> events)
    {
        var count = events.Count;
        for (var size = Math.Max(count / 2, 1); size >= 1 && count > 1; size /= 2)
        {
            for (var start = 0; start + size <= count; start += size)
                yield return [.. events.Take(start), .. events.Skip(start + size)];
            if (size == 1)
                break;
        }
    }
}
