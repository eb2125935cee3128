using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Adds the plugin's notes to orders (for the store owner; never with the channel secret). Every note begins with
/// where the payment was made, "[live]", "[sandbox]" or "[test API …]", so that nobody takes a sandbox payment for money.
/// </summary>
public class LinePayOrderNoteService
{
    protected readonly IOrderService _orderService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;

    public LinePayOrderNoteService(IOrderService orderService, LinePayOrderPaymentService orderPaymentService)
    {
        _orderService = orderService;
        _orderPaymentService = orderPaymentService;
    }

    /// <summary>
    /// Adds a note, not shown to the customer, as "[environment] LINE Pay: note"; a note that begins with "LINE Pay"
    /// already names it
    /// </summary>
    public virtual Task AddNoteAsync(Order order, string note) =>
        InsertNoteAsync(order, note.StartsWith("LINE Pay", StringComparison.Ordinal) ? note : $"LINE Pay: {note}");

    /// <summary>
    /// Adds the text as a note, not shown to the customer, after the environment (texts from the resource files name
    /// LINE Pay themselves)
    /// </summary>
    public virtual async Task InsertNoteAsync(Order order, string text)
    {
        ArgumentNullException.ThrowIfNull(order);

        var environment = (await _orderPaymentService.GetAsync(order.Id))?.DescribeEnvironment();
        await _orderService.InsertOrderNoteAsync(new OrderNote
        {
            OrderId = order.Id,
            Note = environment is null ? text : $"[{environment}] {text}",
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
