using LinePay.Emulator;
using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions.Model;

/// <summary>
/// A store with two web servers selling a monthly subscription paid with LINE Pay, driven by generated events as the
/// real actors would: the admin's "Process next payment" and "Check key", the task, the customer in My account and in
/// LINE Pay, LINE Pay's faults and expired keys, servers that die, and time
/// </summary>
public sealed class SubscriptionModelWorld
{
    public const decimal Total = 450m;

    //what LINE Pay does to the next calls; a lost answer often comes with the lookup that would have found it
    private static readonly (LinePayEndpoint Endpoint, Func<Fault> Fault)[][] _faults =
    [
        [(LinePayEndpoint.PayPreapproved, Fault.Abort), (LinePayEndpoint.Details, Fault.Http500)],
        [(LinePayEndpoint.PayPreapproved, Fault.ApplyThenAbort), (LinePayEndpoint.Details, Fault.Http500)],
        [(LinePayEndpoint.PayPreapproved, Fault.ApplyThenHttp500)],
        [(LinePayEndpoint.PayPreapproved, () => Fault.Answer("1110"))],
        [(LinePayEndpoint.PayPreapproved, () => Fault.Answer("1900"))],
        [(LinePayEndpoint.PayPreapproved, () => Fault.Answer("1197"))],
        [(LinePayEndpoint.PayPreapproved, () => Fault.Answer("1287"))],
        [(LinePayEndpoint.ExpireRegKey, Fault.Http500)],
        [(LinePayEndpoint.CheckRegKey, Fault.Abort)],
        [(LinePayEndpoint.Details, Fault.Http500)],
        [(LinePayEndpoint.Refund, Fault.ApplyThenHttp500), (LinePayEndpoint.Details, Fault.Http500)],
        [(LinePayEndpoint.Void, Fault.ApplyThenAbort), (LinePayEndpoint.Details, Fault.Http500)]
    ];

    private readonly EmulatorHost _emulator;
    private readonly LinePayCheckout[] _servers;

    public SubscriptionModelWorld(EmulatorHost emulator, SubscriptionModelCase modelCase)
    {
        _emulator = emulator;
        Store = new NopStore();
        Store.AddCurrency("TWD", 1m, primary: true);
        Store.ConfigureLinePay(emulator.BaseAddress, emulator.ChannelId, emulator.ChannelSecret,
            paymentMode: modelCase.AuthorizeOnly ? LinePayPaymentMode.AuthorizeOnly : LinePayPaymentMode.CaptureImmediately);
        Store.Settings.Set(0, nameof(LinePayPaymentSettings.OfferSubscriptions), true);
        Store.OrderProcessing.CancelRecurringPaymentsAfterFailedPayment = modelCase.CancelAfterFailedPayment;
        _servers = [new LinePayCheckout(Store), new LinePayCheckout(Store) { Locker = Store.NewLocker().Object }];
        _servers[0].ConsumeOrderEvents();
        _servers[0].ServeSubscriptions();
    }

    public NopStore Store { get; }

    public Order FirstOrder { get; private set; }

    public RecurringPayment RecurringPayment { get; private set; }

    public LinePaySubscriptionService Subscriptions => _servers[0].Subscriptions;

    /// <summary>The customer buys the subscription and pays the first order at LINE Pay</summary>
    public async Task StartAsync()
    {
        FirstOrder = Store.PlaceOrder(Total);
        Store.AddOrderItem(FirstOrder, "Coffee beans", 1, Total);
        RecurringPayment = Store.AddRecurringPayment(FirstOrder, 1, RecurringProductCyclePeriod.Months, 6);
        await _servers[0].ArriveAsync(await _emulator.Customer.ApproveAsync(await _servers[0].PostProcessAsync(FirstOrder)));
    }

    public async Task ApplyAsync(SubscriptionModelEvent step)
    {
        var server = _servers[step.Server % _servers.Length];
        try
        {
            await ApplyAsync(step, server);
        }
        catch (Exception exception) when (exception is NopException or ArgumentException or IOException or HttpRequestException
            or InvalidOperationException)
        {
            //what the actor sees as an error message or a refused action
        }
    }

    /// <summary>
    /// After the sequence: LINE Pay answers again, time passes, the admin processes the subscription once more if it is
    /// active, and the task runs until nothing is due
    /// </summary>
    public async Task SettleAsync()
    {
        _emulator.Faults.Clear();
        AgeCharges();
        if (Store.GetRecurringPayment(RecurringPayment.Id) is { IsActive: true, Deleted: false } && SubscriptionOf() is { } subscription
            && subscription.Charges.Any(charge => charge.IsOpen || charge.IsCharged && OrderOf(charge) is null))
            await ApplyAsync(new SubscriptionModelEvent(SubscriptionModelAction.AdminProcessesNextPayment, 0, 0));
        for (var run = 0; run < 3; run++)
        {
            await MakeTheTaskDueAsync();
            await _servers[run % 2].SubscriptionTask.ExecuteAsync();
        }
    }

    public LinePaySubscription SubscriptionOf() => Subscriptions.GetAsync(RecurringPayment.Id).GetAwaiter().GetResult();

    /// <summary>The order placed for the charge, if any</summary>
    public Order OrderOf(LinePayCycleCharge charge) =>
        charge.OrderGuid is { } guid ? Store.OrderService.Object.GetOrderByGuidAsync(guid).GetAwaiter().GetResult() : null;

    private async Task ApplyAsync(SubscriptionModelEvent step, LinePayCheckout server)
    {
        var recurringPayment = Store.GetRecurringPayment(RecurringPayment.Id);
        var regKey = SubscriptionOf() is { } subscription ? Subscriptions.GetKey(subscription) : null;
        switch (step.Action)
        {
            case SubscriptionModelAction.AdminProcessesNextPayment:
                await Store.OrderProcessing.ProcessNextRecurringPaymentAsync(recurringPayment, server.PaymentMethod());
                break;

            case SubscriptionModelAction.TwoServersProcessTheSameCycle:
                _emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.Delay(TimeSpan.FromMilliseconds(200)));
                await Task.WhenAll(_servers.Select(async each =>
                {
                    try
                    {
                        await Store.OrderProcessing.ProcessNextRecurringPaymentAsync(Store.GetRecurringPayment(RecurringPayment.Id), each.PaymentMethod());
                    }
                    catch (NopException)
                    {
                    }
                }));
                break;

            case SubscriptionModelAction.TaskRuns:
                await server.SubscriptionTask.ExecuteAsync();
                break;

            case SubscriptionModelAction.TimePasses:
                Store.UpdateStoredRecurringPayment(RecurringPayment.Id, stored => stored.StartDateUtc = stored.StartDateUtc.AddMonths(-1));
                AgeCharges();
                await MakeTheTaskDueAsync();
                break;

            case SubscriptionModelAction.LinePayFails:
                foreach (var (endpoint, fault) in _faults[step.Value % _faults.Length])
                    _emulator.Faults.Next(endpoint, fault(), times: endpoint == LinePayEndpoint.Details ? 3 : 1);
                break;

            case SubscriptionModelAction.CustomerRemovesTheKey when regKey is not null && _emulator.RegKeys.Find(regKey) is { Usable: true }:
                _emulator.RegKeys.Remove(regKey);
                break;

            case SubscriptionModelAction.LinePayExpiresTheKey when regKey is not null && _emulator.RegKeys.Find(regKey) is { Usable: true }:
                _emulator.RegKeys.Expire(regKey);
                break;

            case SubscriptionModelAction.CustomerPaysTheWaitingOrder:
                var waiting = SubscriptionOf()?.Charges.Where(charge => charge.State == LinePayCycleState.AwaitingCustomer)
                    .Select(OrderOf).LastOrDefault(order => order is { PaymentStatus: PaymentStatus.Pending });
                if (waiting is not null)
                    await server.ArriveAsync(await _emulator.Customer.ApproveAsync(await server.PostProcessAsync(waiting)));
                break;

            case SubscriptionModelAction.CustomerCancels:
                await Store.OrderProcessing.Service.Object.CancelRecurringPaymentAsync(recurringPayment);
                break;

            case SubscriptionModelAction.AdminDeletesTheSubscription when !recurringPayment.Deleted:
                await Store.DeleteRecurringPaymentAsync(RecurringPayment.Id);
                break;

            case SubscriptionModelAction.AdminChecksTheKey:
                await server.SubscriptionKeys.CheckAsync(recurringPayment, NopStore.StoreId);
                break;

            case SubscriptionModelAction.AdminRefundsTheLastCycle:
                var last = Store.HistoryOrderIds(RecurringPayment.Id).Skip(1).Select(Store.GetOrder).LastOrDefault(order => order.PaymentStatus == PaymentStatus.Paid);
                if (last is not null)
                    await server.AdminRefundsAsync(last);
                break;

            case SubscriptionModelAction.ServerDiesBeforeTheOrderIsPlaced when recurringPayment is { IsActive: true, Deleted: false }:
                //the plugin's charge runs, then the server dies before nopCommerce places the order
                await server.SubscriptionCharges.ChargeAsync(new ProcessPaymentRequest
                {
                    StoreId = FirstOrder.StoreId,
                    CustomerId = FirstOrder.CustomerId,
                    OrderGuid = Guid.NewGuid(),
                    InitialOrder = Store.GetOrder(FirstOrder.Id),
                    OrderTotal = FirstOrder.OrderTotal
                });
                break;
        }
    }

    // minutes pass for everything in flight: a charge sent by a server that died is no longer taken for in flight
    private void AgeCharges()
    {
        if (SubscriptionOf() is not { } subscription)
            return;

        foreach (var charge in subscription.Charges)
            charge.StartedOnUtc = charge.StartedOnUtc.AddMinutes(-10);
        Subscriptions.SaveAsync(Store.GetRecurringPayment(RecurringPayment.Id), subscription).GetAwaiter().GetResult();
    }

    private async Task MakeTheTaskDueAsync()
    {
        var schedule = _servers[0].SubscriptionSchedule;
        if (await schedule.GetAsync(RecurringPayment.Id) is { } due && due.DueOnUtc > DateTime.UtcNow)
            await schedule.ScheduleAsync(RecurringPayment.Id, DateTime.UtcNow.AddSeconds(-1));
    }
}
