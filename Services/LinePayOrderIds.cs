using System.Globalization;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// The orderId sent to LINE Pay: the order GUID (32 hex digits) and the attempt number, e.g.
/// "3f2504e04f8911d39a0c0305e82c3301-2". Unique per attempt, as LINE Pay refuses a paid orderId again, and enough on its
/// own to find the order. A subscription's cycle charged with its pre-approved key has the first order's GUID, the
/// cycle and the try, e.g. "3f2504e04f8911d39a0c0305e82c3301-c2-1": the same for every call of the try, so that LINE
/// Pay refuses to charge a cycle twice.
/// </summary>
public static partial class LinePayOrderIds
{
    /// <summary>
    /// Gets the largest attempt number the format allows
    /// </summary>
    public static int MaxAttempt => 9999;

    /// <summary>
    /// Builds the orderId of an attempt
    /// </summary>
    public static string Create(Guid orderGuid, int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(attempt, MaxAttempt);

        return $"{orderGuid:N}-{attempt.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// Builds the orderId of a try at charging a subscription's cycle
    /// </summary>
    public static string ForCycle(Guid initialOrderGuid, int cycle, int @try)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cycle, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(@try, 1);

        return string.Create(CultureInfo.InvariantCulture, $"{initialOrderGuid:N}-c{cycle}-{@try}");
    }

    /// <summary>
    /// Reads an orderId written by <see cref="ForCycle"/>
    /// </summary>
    public static bool TryParseCycle(string value, out Guid initialOrderGuid, out int cycle)
    {
        initialOrderGuid = Guid.Empty;
        cycle = 0;
        var match = value is null ? Match.Empty : CycleFormat().Match(value);
        if (!match.Success)
            return false;

        initialOrderGuid = Guid.ParseExact(match.Groups["guid"].Value, "N");
        cycle = int.Parse(match.Groups["cycle"].Value, NumberStyles.None, CultureInfo.InvariantCulture);

        return initialOrderGuid != Guid.Empty;
    }

    /// <summary>
    /// Reads an orderId written by <see cref="Create"/>; anything else (other case, spaces, extra characters) is refused
    /// </summary>
    public static bool TryParse(string value, out Guid orderGuid, out int attempt)
    {
        orderGuid = Guid.Empty;
        attempt = 0;
        if (value is null)
            return false;

        var match = Format().Match(value);
        if (!match.Success)
            return false;

        orderGuid = Guid.ParseExact(match.Groups["guid"].Value, "N");
        attempt = int.Parse(match.Groups["attempt"].Value, NumberStyles.None, CultureInfo.InvariantCulture);

        return orderGuid != Guid.Empty;
    }

    [GeneratedRegex(@"^(?<guid>[0-9a-f]{32})-(?<attempt>[1-9][0-9]{0,3})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Format();

    [GeneratedRegex(@"^(?<guid>[0-9a-f]{32})-c(?<cycle>[1-9][0-9]{0,5})-[1-9][0-9]{0,5}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CycleFormat();
}
