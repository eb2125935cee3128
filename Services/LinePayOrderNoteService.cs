using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Adds the plugin's notes to orders (for the store owner; never with the channel secret)
/// </summary>
public class LinePayOrderNoteService
{
    protected readonly IOrderService _orderService;

    public LinePayOrderNoteService(IOrderService orderService)
    {
        _orderService = orderService;
    }

    /// <summary>
    /// Adds a note, not shown to the customer, prefixed with "LINE Pay: "
    /// </summary>
    public virtual Task AddNoteAsync(Order order, string note) => InsertNoteAsync(order, $"LINE Pay: {note}");

    /// <summary>
    /// Adds the text as a note, not shown to the customer (texts from the resource files name LINE Pay themselves)
    /// </summary>
    public virtual async Task InsertNoteAsync(Order order, string text)
    {
        ArgumentNullException.ThrowIfNull(order);

        await _orderService.InsertOrderNoteAsync(new OrderNote
        {
            OrderId = order.Id,
            Note = text,
            DisplayToCustomer = false,
            CreatedOnUtc = DateTime.UtcNow
        });
    }

    /// <summary>
    /// Tells until when an authorization can be captured or voided, for a note
    /// </summary>
    public static string DescribeExpiry(DateTime expiresOnUtc) =>
        $"expires on {expiresOnUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; capture or void it before then.";

    /// <summary>
    /// Describes a failed LINE Pay call for a note: the return code and message, or why no answer came
    /// </summary>
    public static string Describe(LinePayException exception) => exception switch
    {
        LinePayApiException api => $"LINE Pay returned {api.ReturnCode} ({api.ReturnMessage})",
        LinePayTimeoutException => "LINE Pay did not answer in time",
        _ => "LINE Pay could not be reached"
    };
}
