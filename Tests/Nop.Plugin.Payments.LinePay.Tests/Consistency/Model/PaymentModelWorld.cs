using LinePay.Emulator;
using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Consistency.Model;

/// <summary>
/// A nopCommerce store with two web servers (each its own locker) and the LINE Pay emulator, driven by generated
/// events as the real actors would drive them: a customer's browser, an admin on the order page (through nopCommerce's
/// own preconditions), the merchant in Merchant Center, LINE Pay's faults, the scheduled task, dying servers and time
/// </summary>
public sealed class PaymentModelWorld
{
    //what LINE Pay does to the next calls: single faults, and (more often) an answer lost together with the lookup
    //that would have found what became of the call
    private static readonly (LinePayEndpoint Endpoint, Func<Fault> Fault)[][] _faults =
    [
        [(LinePayEndpoint.Confirm, Fault.Http500)], [(LinePayEndpoint.Confirm, Fault.ApplyThenHttp500)],
        [(LinePayEndpoint.Confirm, Fault.Abort)], [(LinePayEndpoint.Confirm, () => Fault.Answer("1198"))],
        [(LinePayEndpoint.Confirm, () => Fault.Answer("1155"))], [(LinePayEndpoint.Check, Fault.Http500)],
        [(LinePayEndpoint.Details, Fault.Http500)], [(LinePayEndpoint.Refund, Fault.Http500)],
        [(LinePayEndpoint.Request, Fault.Http500)],
        .. Enumerable.Repeat<(LinePayEndpoint, Func<Fault>)[][]>(
        [
            [(LinePayEndpoint.Confirm, Fault.ApplyThenAbort), (LinePayEndpoint.Check, Fault.Http500)],
            [(LinePayEndpoint.Refund, Fault.ApplyThenHttp500), (LinePayEndpoint.Details, Fault.Http500)],
            [(LinePayEndpoint.Capture, Fault.ApplyThenHttp500), (LinePayEndpoint.Details, Fault.Http500)],
            [(LinePayEndpoint.Void, Fault.ApplyThenAbort), (LinePayEndpoint.Details, Fault.Http500)]
        ], 3).SelectMany(lost => lost)
    ];

    private readonly EmulatorHost _emulator;
    private readonly LinePayCheckout[] _servers;
    private readonly Dictionary<int, Uri> _confirmUrls = new();
    private readonly Dictionary<int, Uri> _cancelUrls = new();
    private readonly List<Order> _olderCopies = [];

    public PaymentModelWorld(EmulatorHost emulator, bool authorizeOnly, int orders)
    {
        _emulator = emulator;
        Store = new NopStore();
        Store.AddCurrency("TWD", 1m, primary: true);
        Store.ConfigureLinePay(emulator.BaseAddress, emulator.ChannelId, emulator.ChannelSecret,
            paymentMode: authorizeOnly ? LinePayPaymentMode.AuthorizeOnly : LinePayPaymentMode.CaptureImmediately);
        _servers = [new LinePayCheckout(Store), new LinePayCheckout(Store) { Locker = Store.NewLocker().Object }];
        _servers[0].ConsumeOrderEvents();
        Orders = Enumerable.Range(0, orders).Select(_ => Store.PlaceOrder(1500m)).ToList();
    }

    public NopStore Store { get; }

    /// <summary>What the admin meant to refund of each order: a click after a refund whose outcome was unknown retries it</summary>
    public Dictionary<int, decimal> RefundsAsked { get; } = new();

    /// <summary>What the merchant refunded of each order in Merchant Center</summary>
    public Dictionary<int, decimal> MerchantCenterRefunds { get; } = new();

    /// <summary>Orders an admin cancelled or deleted at some point (their money may have been given back in full)</summary>
    public HashSet<int> EverCancelled { get; } = [];

    //the refunded amount the order showed when the admin's last refund got no clear answer: a click while it still
    //shows that amount retries the same refund
    private readonly Dictionary<int, decimal> _unknownRefundShownAt = new();

    public IReadOnlyList<Order> Orders { get; }

    /// <summary>Checkout of every order: the customer is sent to LINE Pay</summary>
    public async Task StartAsync()
    {
        foreach (var order in Orders)
            await _servers[0].PostProcessAsync(order);
    }

    public async Task ApplyAsync(PaymentModelEvent step)
    {
        //an admin's save of the copy of the order read before the previous step
        foreach (var copy in _olderCopies.Where(copy => Store.GetOrder(copy.Id) is { Deleted: false }))
            await Store.OrderService.Object.UpdateOrderAsync(copy);
        _olderCopies.Clear();

        var order = Orders[step.Order % Orders.Count];
        var server = _servers[step.Server % _servers.Length];
        try
        {
            await ApplyAsync(step, order, server);
        }
        catch (Exception exception) when (exception is NopException or IOException or HttpRequestException or InvalidOperationException
            or MerchantCenterRefusedException)
        {
            //what the actor sees as an error message, a refused action or a server that died mid-request
        }
    }

    /// <summary>
    /// After the sequence: LINE Pay answers again, no server dies, half an hour passes and the task runs until every
    /// payment is due no more
    /// </summary>
    public async Task SettleAsync()
    {
        _emulator.Faults.Clear();
        Store.OrderProcessing.FailNextMarkAsPaid = false;
        await ApplyAsync(new PaymentModelEvent(PaymentModelAction.TimePasses, 0, 0, 30));
        for (var run = 0; run < 4; run++)
        {
            await MakeEverythingDueAsync();
            await _servers[run % 2].ReconciliationTask.ExecuteAsync();
        }
    }

    private async Task ApplyAsync(PaymentModelEvent step, Order order, LinePayCheckout server)
    {
        var payment = Store.PaymentOf(order.Id);
        var stored = Store.GetOrder(order.Id);
        switch (step.Action)
        {
            case PaymentModelAction.CustomerPays when payment is not null:
                await server.ArriveAsync(_confirmUrls[order.Id] = await _emulator.Customer.ApproveAsync(payment.TransactionId));
                break;

            case PaymentModelAction.CustomerApproves when payment is not null:
                _confirmUrls[order.Id] = await _emulator.Customer.ApproveAsync(payment.TransactionId);
                break;

            case PaymentModelAction.CustomerCancelsOnLinePay when payment is not null:
                _cancelUrls[order.Id] = await _emulator.Customer.CancelAsync(payment.TransactionId);
                break;

            case PaymentModelAction.ConfirmReturn when payment is not null:
                await server.ArriveAsync(_confirmUrls.GetValueOrDefault(order.Id) ?? ReturnUrl(LinePayDefaults.ConfirmPath, payment));
                break;

            case PaymentModelAction.CancelReturn when payment is not null:
                await server.ArriveAsync(_cancelUrls.GetValueOrDefault(order.Id) ?? ReturnUrl(LinePayDefaults.CancelPath, payment));
                break;

            //nopCommerce offers "Retry payment" for a pending order that is not cancelled, when the method says so
            case PaymentModelAction.RetryPayment when stored is { Deleted: false, PaymentStatus: PaymentStatus.Pending }
                && stored.OrderStatus != OrderStatus.Cancelled && await server.PaymentMethod().CanRePostProcessPaymentAsync(stored):
                _confirmUrls.Remove(order.Id);
                _cancelUrls.Remove(order.Id);
                await server.PostProcessAsync(stored);
                break;

            case PaymentModelAction.AdminCancels when stored is { Deleted: false } && stored.OrderStatus != OrderStatus.Cancelled:
                EverCancelled.Add(order.Id);
                await server.AdminCancelsAsync(order);
                break;

            case PaymentModelAction.AdminDeletes when stored is { Deleted: false }:
                EverCancelled.Add(order.Id);
                await server.AdminDeletesAsync(order);
                break;

            case PaymentModelAction.AdminRefunds when stored is { Deleted: false, PaymentStatus: PaymentStatus.Paid or PaymentStatus.PartiallyRefunded }:
                var full = step.Value % 2 == 0 && stored.RefundedAmount == decimal.Zero;
                var amount = full ? stored.OrderTotal : Math.Min(300m, stored.OrderTotal - stored.RefundedAmount);
                var retry = _unknownRefundShownAt.TryGetValue(order.Id, out var shown) && shown == stored.RefundedAmount;
                if (!retry)
                    RefundsAsked[order.Id] = RefundsAsked.GetValueOrDefault(order.Id) + amount;
                var errors = full ? await server.AdminRefundsAsync(order) : await server.AdminRefundsAsync(order, amount);
                if (errors.Any(error => error.Contains("No other refund")))
                    _unknownRefundShownAt[order.Id] = stored.RefundedAmount;
                else
                    _unknownRefundShownAt.Remove(order.Id);
                break;

            case PaymentModelAction.AdminCaptures when stored is { Deleted: false, PaymentStatus: PaymentStatus.Authorized }:
                await server.AdminCapturesAsync(order);
                break;

            case PaymentModelAction.AdminVoids when stored is { Deleted: false, PaymentStatus: PaymentStatus.Authorized }:
                await server.AdminVoidsAsync(order);
                break;

            case PaymentModelAction.AdminSavesAnOlderCopy when stored is not null:
                _olderCopies.Add(stored);
                break;

            case PaymentModelAction.MerchantRefunds when payment is not null:
                var refund = _emulator.MerchantCenter.Refund(payment.TransactionId, step.Value % 2 == 0 ? null : 200m);
                MerchantCenterRefunds[order.Id] = MerchantCenterRefunds.GetValueOrDefault(order.Id) + refund.Amount;
                break;

            case PaymentModelAction.MerchantVoids when payment is not null:
                _emulator.MerchantCenter.Void(payment.TransactionId);
                break;

            case PaymentModelAction.LinePayFails:
                foreach (var (endpoint, fault) in _faults[step.Value % _faults.Length])
                    _emulator.Faults.Next(endpoint, fault());
                break;

            case PaymentModelAction.TaskRuns:
                await server.ReconciliationTask.ExecuteAsync();
                break;

            case PaymentModelAction.TwoRequestsRace when payment is not null:
                await RaceAsync(order, payment, step.Value % 4);
                break;

            case PaymentModelAction.ServerDiesHoldingTheClaim when payment is not null:
                await DieHoldingTheClaimAsync(order, payment, server, sendConfirm: step.Value % 2 == 1);
                break;

            case PaymentModelAction.ServerDiesBeforeMarkingPaid:
                Store.OrderProcessing.FailNextMarkAsPaid = true;
                break;

            case PaymentModelAction.TimePasses:
                await PassTimeAsync(TimeSpan.FromMinutes(step.Value));
                break;

            case PaymentModelAction.RefundSettingToggles:
                var settings = Store.Settings.Load(0);
                Store.Settings.Set(0, nameof(LinePayPaymentSettings.RefundPaymentsOfCancelledOrders), !settings.RefundPaymentsOfCancelledOrders);
                break;
        }
    }

    // two requests on the two web servers at once, while LINE Pay takes a moment over each call: the customer's return
    // twice (a refresh, the LINE app and the browser), the return and the task, an admin's refund and the task, or an
    // admin's cancel and the return
    private async Task RaceAsync(Order order, LinePayOrderPayment payment, int race)
    {
        var confirmUrl = _confirmUrls.GetValueOrDefault(order.Id) ?? ReturnUrl(LinePayDefaults.ConfirmPath, payment);
        Func<Task> first = () => _servers[0].ArriveAsync(confirmUrl);
        Func<Task> second = race switch
        {
            0 => () => _servers[1].ArriveAsync(confirmUrl),
            1 => () => _servers[1].ReconciliationTask.ExecuteAsync(),
            2 => () => _servers[1].AdminCancelsAsync(order),
            _ => () => _servers[1].AdminRefundsAsync(order, 300m)
        };
        if (race == 3)
        {
            var stored = Store.GetOrder(order.Id);
            if (stored.Deleted || stored.PaymentStatus is not (PaymentStatus.Paid or PaymentStatus.PartiallyRefunded)
                || stored.OrderTotal - stored.RefundedAmount < 300m)
                return;
            RefundsAsked[order.Id] = RefundsAsked.GetValueOrDefault(order.Id) + 300m;
            first = () => _servers[0].ReconciliationTask.ExecuteAsync();
        }
        if (race == 2 && (Store.GetOrder(order.Id) is not { Deleted: false } stillOpen || stillOpen.OrderStatus == OrderStatus.Cancelled))
            return;
        if (race == 2)
            EverCancelled.Add(order.Id);

        _emulator.Settings.ProcessingTime = TimeSpan.FromMilliseconds(30);
        try
        {
            await Task.WhenAll(Quietly(first), Quietly(second));
        }
        finally
        {
            _emulator.Settings.ProcessingTime = TimeSpan.Zero;
        }
    }

    // what a request's actor sees as an error is its own business; the race is about what is left afterwards
    private static async Task Quietly(Func<Task> request)
    {
        try
        {
            await Task.Run(request);
        }
        catch (Exception exception) when (exception is NopException or IOException or HttpRequestException or InvalidOperationException)
        {
        }
    }

    // a request took the claim (and perhaps saved Confirming and sent Confirm) and its server died
    private async Task DieHoldingTheClaimAsync(Order order, LinePayOrderPayment payment, LinePayCheckout server, bool sendConfirm)
    {
        if ((payment = await server.Claims.TryClaimAsync(order, payment)) is null || !sendConfirm || payment.State != LinePayPaymentState.Requested)
            return;

        payment.Apply(LinePayPaymentEvent.ConfirmSent);
        await server.OrderPayments.SaveAsync(order, payment);
        await new LinePayTestClient(_emulator.BaseAddress, _emulator.ChannelId, _emulator.ChannelSecret)
            .ConfirmAsync(payment.TransactionId, "1500");
    }

    // the emulator's clock moves on; the store's records and to-do list are moved back as if that much time had passed
    private async Task PassTimeAsync(TimeSpan time)
    {
        _emulator.Clock.Advance(time);
        foreach (var order in Orders)
        {
            if (Store.PaymentOf(order.Id) is not { } payment)
                continue;

            var check = await Store.Schedule.GetAsync(order.Id);
            payment.RequestedOnUtc -= time;
            payment.UpdatedOnUtc -= time;
            payment.OpenSinceUtc -= time;
            payment.ConfirmedOnUtc -= time;
            payment.StateChangedOnUtc -= time;
            if (payment.PendingRefund is { } pending)
                pending.SentOnUtc -= time;
            foreach (var refund in payment.Refunds)
                refund.RefundedOnUtc -= time;
            Store.SavePayment(order.Id, payment);
            if (check is null)
                await Store.Schedule.UnscheduleAsync(order.Id);
            else
                await Store.Schedule.ScheduleAsync(order.Id, check.DueOnUtc - time, check.UnchangedVisits);
        }
    }

    private async Task MakeEverythingDueAsync()
    {
        foreach (var order in Orders)
        {
            if (await Store.Schedule.GetAsync(order.Id) is { } check)
                await Store.Schedule.ScheduleAsync(order.Id, DateTime.UtcNow.AddSeconds(-1), check.UnchangedVisits);
        }
    }

    private static Uri ReturnUrl(string path, LinePayOrderPayment payment) =>
        new($"{NopStore.StoreLocation}{path}?transactionId={payment.TransactionId}&orderId={payment.LinePayOrderId}");
}
