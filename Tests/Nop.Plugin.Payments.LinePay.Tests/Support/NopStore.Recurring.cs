using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Services.Orders;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// The recurring payments of the store and their history, as nopCommerce 4.90.3's OrderService keeps them: each read
/// is a fresh copy, a delete is soft, the history has no order of its own
/// </summary>
public partial class NopStore
{
    private readonly Dictionary<int, RecurringPayment> _recurringPayments = new();
    private readonly List<RecurringPaymentHistory> _recurringHistory = [];
    private int _nextRecurringPaymentId = 1;
    private int _nextHistoryId = 1;

    /// <summary>What ShoppingCartIsRecurringAsync answers for the cart at checkout</summary>
    public bool CartIsRecurring { get; set; }

    public Mock<IShoppingCartService> ShoppingCartService { get; } = new();

    /// <summary>
    /// The recurring payment nopCommerce creates right after it inserted the first order of a recurring cart
    /// (CreateFirstRecurringPaymentAsync): active, started now, the first order its history's first row (Manual)
    /// </summary>
    public RecurringPayment AddRecurringPayment(Order initialOrder, int cycleLength = 1,
        RecurringProductCyclePeriod cyclePeriod = RecurringProductCyclePeriod.Months, int totalCycles = 12, DateTime? startDateUtc = null)
    {
        lock (_sync)
        {
            var recurringPayment = new RecurringPayment
            {
                Id = _nextRecurringPaymentId++,
                CycleLength = cycleLength,
                CyclePeriod = cyclePeriod,
                TotalCycles = totalCycles,
                StartDateUtc = startDateUtc ?? DateTime.UtcNow,
                IsActive = true,
                InitialOrderId = initialOrder.Id,
                CreatedOnUtc = DateTime.UtcNow
            };
            _recurringPayments[recurringPayment.Id] = Copy(recurringPayment);
            AddHistoryRow(recurringPayment.Id, initialOrder.Id);
            return recurringPayment;
        }
    }

    /// <summary>The recurring payment as stored now</summary>
    public RecurringPayment GetRecurringPayment(int recurringPaymentId)
    {
        lock (_sync)
            return _recurringPayments.TryGetValue(recurringPaymentId, out var stored) ? Copy(stored) : null;
    }

    /// <summary>Changes the stored recurring payment, as an admin's edit form does</summary>
    public void UpdateStoredRecurringPayment(int recurringPaymentId, Action<RecurringPayment> change)
    {
        lock (_sync)
            change(_recurringPayments[recurringPaymentId]);
    }

    /// <summary>The ids of the orders of the recurring payment's history, oldest first</summary>
    public IReadOnlyList<int> HistoryOrderIds(int recurringPaymentId)
    {
        lock (_sync)
            return _recurringHistory.Where(row => row.RecurringPaymentId == recurringPaymentId).Select(row => row.OrderId).ToList();
    }

    /// <summary>
    /// The admin deletes the recurring payment (Sales → Recurring payments → Delete): the repository's soft delete,
    /// which publishes EntityDeletedEvent; the payment method is not asked
    /// </summary>
    public async Task DeleteRecurringPaymentAsync(int recurringPaymentId)
    {
        RecurringPayment deleted;
        lock (_sync)
        {
            _recurringPayments[recurringPaymentId].Deleted = true;
            deleted = Copy(_recurringPayments[recurringPaymentId]);
        }
        await PublishAsync(new EntityDeletedEvent<RecurringPayment>(deleted));
    }

    /// <summary>
    /// The order SaveOrderDetailsAsync inserts for a cycle: the first order's customer, currency and totals, the
    /// request's guid and total, the result's transaction ids and payment status; the first order's lines copied
    /// </summary>
    internal Order PlaceCycleOrder(Order initialOrder, ProcessPaymentRequest request, ProcessPaymentResult result)
    {
        lock (_sync)
        {
            var order = Copy(initialOrder);
            order.Id = _nextOrderId++;
            order.OrderGuid = request.OrderGuid;
            order.CustomOrderNumber = order.Id.ToString();
            order.OrderTotal = request.OrderTotal;
            order.OrderStatus = OrderStatus.Pending;
            order.PaymentStatus = result.NewPaymentStatus;
            order.RefundedAmount = 0;
            order.AuthorizationTransactionId = result.AuthorizationTransactionId;
            order.AuthorizationTransactionResult = result.AuthorizationTransactionResult;
            order.CaptureTransactionId = result.CaptureTransactionId;
            order.CaptureTransactionResult = result.CaptureTransactionResult;
            order.SubscriptionTransactionId = result.SubscriptionTransactionId;
            order.PaidDateUtc = null;
            order.CreatedOnUtc = DateTime.UtcNow;
            _orders[order.Id] = Copy(order);
            if (OrderItems.TryGetValue(initialOrder.Id, out var items))
                OrderItems[order.Id] = items.Select(item => new OrderItem
                {
                    Id = item.Id,
                    OrderId = order.Id,
                    ProductId = item.ProductId,
                    Quantity = item.Quantity,
                    UnitPriceInclTax = item.UnitPriceInclTax,
                    PriceInclTax = item.PriceInclTax
                }).ToList();
            return order;
        }
    }

    private void AddHistoryRow(int recurringPaymentId, int orderId) => _recurringHistory.Add(new RecurringPaymentHistory
    {
        Id = _nextHistoryId++,
        RecurringPaymentId = recurringPaymentId,
        OrderId = orderId,
        CreatedOnUtc = DateTime.UtcNow
    });

    private void SetUpRecurringPayments()
    {
        OrderService.Setup(s => s.GetRecurringPaymentByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => GetRecurringPayment(id));
        OrderService.Setup(s => s.UpdateRecurringPaymentAsync(It.IsAny<RecurringPayment>())).Returns((RecurringPayment recurringPayment) =>
        {
            lock (_sync)
                _recurringPayments[recurringPayment.Id] = Copy(recurringPayment);
            return Task.CompletedTask;
        });
        OrderService.Setup(s => s.SearchRecurringPaymentsAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<OrderStatus?>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>()))
            .ReturnsAsync((int storeId, int customerId, int initialOrderId, OrderStatus? initialOrderStatus, int _, int _, bool showHidden) =>
            {
                lock (_sync)
                    return (IPagedList<RecurringPayment>)new PagedList<RecurringPayment>(_recurringPayments.Values
                        .Where(rp => !rp.Deleted && (showHidden || rp.IsActive))
                        .Where(rp => initialOrderId == 0 || rp.InitialOrderId == initialOrderId)
                        .Where(rp => _orders.TryGetValue(rp.InitialOrderId, out var order)
                            && (storeId == 0 || order.StoreId == storeId)
                            && (customerId == 0 || order.CustomerId == customerId)
                            && (initialOrderStatus is null || order.OrderStatus == initialOrderStatus)
                            && (showHidden || !order.Deleted))
                        .OrderBy(rp => rp.StartDateUtc).ThenBy(rp => rp.Id)
                        .Select(Copy).ToList());
            });
        OrderService.Setup(s => s.InsertRecurringPaymentHistoryAsync(It.IsAny<RecurringPaymentHistory>())).Returns((RecurringPaymentHistory row) =>
        {
            lock (_sync)
                AddHistoryRow(row.RecurringPaymentId, row.OrderId);
            return Task.CompletedTask;
        });
        OrderService.Setup(s => s.GetRecurringPaymentHistoryAsync(It.IsAny<RecurringPayment>())).ReturnsAsync((RecurringPayment recurringPayment) =>
        {
            lock (_sync)
                return (IList<RecurringPaymentHistory>)_recurringHistory.Where(row => row.RecurringPaymentId == recurringPayment.Id)
                    .Select(row => new RecurringPaymentHistory { Id = row.Id, RecurringPaymentId = row.RecurringPaymentId, OrderId = row.OrderId, CreatedOnUtc = row.CreatedOnUtc })
                    .ToList();
        });
        ShoppingCartService.Setup(s => s.ShoppingCartIsRecurringAsync(It.IsAny<IList<ShoppingCartItem>>())).ReturnsAsync(() => CartIsRecurring);
    }

    private static RecurringPayment Copy(RecurringPayment recurringPayment) => new()
    {
        Id = recurringPayment.Id,
        CycleLength = recurringPayment.CycleLength,
        CyclePeriodId = recurringPayment.CyclePeriodId,
        TotalCycles = recurringPayment.TotalCycles,
        StartDateUtc = recurringPayment.StartDateUtc,
        IsActive = recurringPayment.IsActive,
        LastPaymentFailed = recurringPayment.LastPaymentFailed,
        Deleted = recurringPayment.Deleted,
        InitialOrderId = recurringPayment.InitialOrderId,
        CreatedOnUtc = recurringPayment.CreatedOnUtc
    };
}
