using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Services.Orders;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// The recurring members of nopCommerce 4.90.3's OrderProcessingService: ProcessNextRecurringPaymentAsync,
/// CancelRecurringPaymentAsync and GetNextPaymentDateAsync, with the payment method a Manual one
/// </summary>
public partial class NopOrderProcessingRules
{
    /// <summary>The payment method nopCommerce loads for a cycle (the plugin as this web server builds it)</summary>
    public Func<IPaymentMethod> PaymentMethod { get; set; }

    /// <summary>PaymentSettings.CancelRecurringPaymentsAfterFailedPayment (false as installed)</summary>
    public bool CancelRecurringPaymentsAfterFailedPayment { get; set; }

    /// <summary>The recurring payment e-mails nopCommerce sent, as (kind, recurring payment id)</summary>
    public List<(string Kind, int RecurringPaymentId)> RecurringEmails { get; } = [];

    /// <summary>Errors of recurring orders nopCommerce logged</summary>
    public List<string> RecurringErrorsLogged { get; } = [];

    public static DateTime? NextPaymentDate(RecurringPayment recurringPayment, int historyCount)
    {
        if (!recurringPayment.IsActive || historyCount >= recurringPayment.TotalCycles)
            return null;
        if (historyCount == 0)
            return recurringPayment.TotalCycles > 0 ? recurringPayment.StartDateUtc : null;

        var cycles = recurringPayment.CycleLength * historyCount;
        return recurringPayment.CyclePeriod switch
        {
            RecurringProductCyclePeriod.Days => recurringPayment.StartDateUtc.AddDays(cycles),
            RecurringProductCyclePeriod.Weeks => recurringPayment.StartDateUtc.AddDays(7 * cycles),
            RecurringProductCyclePeriod.Months => recurringPayment.StartDateUtc.AddMonths(cycles),
            RecurringProductCyclePeriod.Years => recurringPayment.StartDateUtc.AddYears(cycles),
            _ => throw new NopException("Not supported cycle period")
        };
    }

    private void SetUpRecurringPayments()
    {
        Service.Setup(s => s.GetNextPaymentDateAsync(It.IsAny<RecurringPayment>()))
            .Returns((RecurringPayment recurringPayment) => GetNextPaymentDateAsync(recurringPayment));
        Service.Setup(s => s.ProcessNextRecurringPaymentAsync(It.IsAny<RecurringPayment>(), It.IsAny<ProcessPaymentResult>()))
            .Returns((RecurringPayment recurringPayment, ProcessPaymentResult _) => ProcessNextRecurringPaymentAsync(recurringPayment, PaymentMethod()));
        Service.Setup(s => s.CancelRecurringPaymentAsync(It.IsAny<RecurringPayment>()))
            .Returns((RecurringPayment recurringPayment) => CancelRecurringPaymentAsync(recurringPayment));
    }

    private async Task<DateTime?> GetNextPaymentDateAsync(RecurringPayment recurringPayment)
    {
        ArgumentNullException.ThrowIfNull(recurringPayment);

        var history = await _store.OrderService.Object.GetRecurringPaymentHistoryAsync(recurringPayment);
        return NextPaymentDate(recurringPayment, history.Count);
    }

    /// <summary>ProcessNextRecurringPaymentAsync on the web server whose payment method is given</summary>
    public async Task<IEnumerable<string>> ProcessNextRecurringPaymentAsync(RecurringPayment recurringPayment, IPaymentMethod paymentMethod)
    {
        ArgumentNullException.ThrowIfNull(recurringPayment);
        if (!recurringPayment.IsActive)
            throw new NopException("Recurring payment is not active");
        var initialOrder = await _store.OrderService.Object.GetOrderByIdAsync(recurringPayment.InitialOrderId)
            ?? throw new ArgumentException("Initial order could not be loaded");
        if (await GetNextPaymentDateAsync(recurringPayment) is null)
            throw new NopException("Next payment date could not be calculated");

        var request = new ProcessPaymentRequest
        {
            StoreId = initialOrder.StoreId,
            CustomerId = initialOrder.CustomerId,
            OrderGuid = Guid.NewGuid(),
            InitialOrder = initialOrder,
            RecurringCycleLength = recurringPayment.CycleLength,
            RecurringCyclePeriod = recurringPayment.CyclePeriod,
            RecurringTotalCycles = recurringPayment.TotalCycles,
            OrderTotal = initialOrder.OrderTotal
        };
        var result = request.OrderTotal == decimal.Zero
            ? new ProcessPaymentResult { NewPaymentStatus = PaymentStatus.Paid }
            : await paymentMethod.ProcessRecurringPaymentAsync(request);

        if (result.Success)
        {
            var order = _store.PlaceCycleOrder(initialOrder, request, result);
            await _store.AddNoteAsync(order, "Order placed");
            await _store.PublishAsync(new OrderPlacedEvent(order));
            await CheckOrderStatusAsync(order);

            recurringPayment.LastPaymentFailed = false;
            await _store.OrderService.Object.InsertRecurringPaymentHistoryAsync(new RecurringPaymentHistory
            {
                RecurringPaymentId = recurringPayment.Id,
                OrderId = order.Id,
                CreatedOnUtc = DateTime.UtcNow
            });
            await _store.OrderService.Object.UpdateRecurringPaymentAsync(recurringPayment);
            return [];
        }

        lock (RecurringErrorsLogged)
            RecurringErrorsLogged.AddRange(result.Errors);
        if (!result.RecurringPaymentFailed)
            return result.Errors;

        recurringPayment.LastPaymentFailed = true;
        await _store.OrderService.Object.UpdateRecurringPaymentAsync(recurringPayment);
        if (CancelRecurringPaymentsAfterFailedPayment)
        {
            await CancelRecurringPaymentAsync(recurringPayment);
            RecurringEmails.Add(("cancelled", recurringPayment.Id));
        }
        else
            RecurringEmails.Add(("failed", recurringPayment.Id));

        return result.Errors;
    }

    // only a successful cancel of the payment method makes the recurring payment inactive
    private async Task<IList<string>> CancelRecurringPaymentAsync(RecurringPayment recurringPayment)
    {
        ArgumentNullException.ThrowIfNull(recurringPayment);
        var initialOrder = await _store.OrderService.Object.GetOrderByIdAsync(recurringPayment.InitialOrderId);
        if (initialOrder is null)
            return ["Initial order could not be loaded"];

        CancelRecurringPaymentResult result;
        try
        {
            result = initialOrder.OrderTotal == decimal.Zero
                ? new CancelRecurringPaymentResult()
                : await PaymentMethod().CancelRecurringPaymentAsync(new CancelRecurringPaymentRequest { Order = initialOrder });
        }
        catch (Exception exception)
        {
            result = new CancelRecurringPaymentResult();
            result.AddError(exception.Message);
        }

        if (result.Success)
        {
            recurringPayment.IsActive = false;
            await _store.OrderService.Object.UpdateRecurringPaymentAsync(recurringPayment);
            await _store.AddNoteAsync(initialOrder, "Recurring payment has been cancelled");
            RecurringEmails.Add(("cancelled to store owner", recurringPayment.Id));
            return [];
        }

        await _store.AddNoteAsync(initialOrder, $"Unable to cancel recurring payment. {string.Join(". ", result.Errors)}");
        return result.Errors;
    }

    // CancelOrderAsync and DeleteOrderAsync cancel the active recurring payments the order started
    private async Task CancelRecurringPaymentsOfAsync(Order order)
    {
        foreach (var recurringPayment in await _store.OrderService.Object.SearchRecurringPaymentsAsync(initialOrderId: order.Id))
            await CancelRecurringPaymentAsync(recurringPayment);
    }
}
