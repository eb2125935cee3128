using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Moq;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Configuration;
using Nop.Data;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// An in-memory nopCommerce store built from Moq mocks: orders (read as fresh copies, as from the database), order
/// notes and items, generic attributes, settings per store, currencies, languages, a locker that refuses a held key
/// without waiting, English resources, notifications and log entries kept for assertions, and real HttpClients
/// </summary>
public partial class NopStore
{
    public const int StoreId = 1;
    public const string StoreLocation = "http://shop.test/";
    public const int EnglishLanguageId = 1;
    public const int ChineseLanguageId = 2;
    public const int ThaiLanguageId = 3;
    public const int CustomerId = 7;

    private static readonly Lazy<IDictionary<string, string>> _englishResources = new(() => PluginFiles.Resources("en-US"));

    private readonly object _sync = new();
    private readonly Dictionary<int, Order> _orders = new();
    private readonly List<OrderNote> _notes = [];
    private readonly GenericAttributeTable _attributeRows = new();
    private readonly ConcurrentDictionary<string, bool> _locks = new();
    private int _nextOrderId = 100;
    private int _nextNoteId = 1;
    private int _nextAttributeRowId = 1;

    public NopStore()
    {
        Locker = NewLocker(_locks);
        Settings = new SettingStore();
        OrderProcessing = new NopOrderProcessingRules(this);
        SetUpOrderService();
        SetUpGenericAttributes();
        SetUpDirectory();
        SetUpMessages();
        SetUpRecurringPayments();

        WebHelper.Setup(w => w.GetStoreLocation(It.IsAny<bool?>())).Returns(StoreLocation);
        StoreService.Setup(s => s.GetAllStoresAsync()).ReturnsAsync(() => Stores.ToList());
        StoreContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = StoreId, Name = "Test store" });
        StoreContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(0);
        WorkContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(() => CurrentCustomer);
        HttpClientFactory.Setup(f => f.CreateClient(It.IsAny<string>())).Returns(() => new HttpClient());
        ClientFactory = new TestLinePayClientFactory(HttpClientFactory.Object, Settings.Service.Object, ChannelSecrets);
        StartRequest();
    }

    public SettingStore Settings { get; }

    public NopOrderProcessingRules OrderProcessing { get; }

    public Mock<IOrderService> OrderService { get; } = new();

    /// <summary>Reads and writes the rows of <see cref="GenericAttributeRepository"/>, as nopCommerce's service does</summary>
    public Mock<IGenericAttributeService> GenericAttributeService { get; } = new();

    /// <summary>Generic attribute rows written and deleted through the repository (the database applies each call atomically)</summary>
    public Mock<IRepository<GenericAttribute>> GenericAttributeRepository { get; } = new();

    /// <summary>The locker of this web server: the one <see cref="HoldLock"/> holds keys in</summary>
    public Mock<ILocker> Locker { get; }

    public Mock<ICurrencyService> CurrencyService { get; } = new();

    public CurrencySettings CurrencySettings { get; } = new();

    public Mock<ILanguageService> LanguageService { get; } = new();

    public Mock<IProductService> ProductService { get; } = new();

    public Mock<ILocalizationService> LocalizationService { get; } = new();

    public Mock<INotificationService> NotificationService { get; } = new();

    public Mock<ILogger> Logger { get; } = new();

    public Mock<IWebHelper> WebHelper { get; } = new();

    public Mock<IStoreContext> StoreContext { get; } = new();

    /// <summary>The stores of the installation: the test store unless a test adds more</summary>
    public List<Store> Stores { get; } = [new() { Id = StoreId, Name = "Test store" }];

    public Mock<IStoreService> StoreService { get; } = new();

    public LinePayEnvironmentService Environments => new(Settings.Service.Object, StoreService.Object);

    public Mock<IWorkContext> WorkContext { get; } = new();

    /// <summary>The customer of the current request: the one who places the orders, unless a test changes it</summary>
    public Customer CurrentCustomer { get; set; } = new() { Id = CustomerId };

    public Mock<IHttpContextAccessor> HttpContextAccessor { get; } = new();

    public Mock<IHttpClientFactory> HttpClientFactory { get; } = new();

    public TestLinePayClientFactory ClientFactory { get; }

    /// <summary>nopCommerce's encryption service, with the store's encryption key</summary>
    public TestEncryption Encryption { get; } = new();

    public LinePayChannelSecretService ChannelSecrets => new(Encryption.Service.Object, Logger.Object, Settings.Service.Object);

    public LinePayPaymentScheduleService Schedule => new(GenericAttributeRepository.Object);

    public LinePayOrderPaymentService OrderPaymentService => new(GenericAttributeService.Object, GenericAttributeRepository.Object, Schedule);

    public LinePayConfirmClaimService Claims => new(new LinePayClaimRows(GenericAttributeRepository.Object), OrderPaymentService);

    public List<Currency> Currencies { get; } = [];

    public List<Language> Languages { get; } =
    [
        new() { Id = EnglishLanguageId, Name = "English", LanguageCulture = "en-US", UniqueSeoCode = "en" },
        new() { Id = ChineseLanguageId, Name = "繁體中文", LanguageCulture = "zh-TW", UniqueSeoCode = "zh" },
        new() { Id = ThaiLanguageId, Name = "ไทย", LanguageCulture = "th-TH", UniqueSeoCode = "th" }
    ];

    public Dictionary<int, Product> Products { get; } = new();

    public Dictionary<int, List<OrderItem>> OrderItems { get; } = new();

    /// <summary>Notifications shown to the current user, as (kind, text)</summary>
    public ConcurrentQueue<(string Kind, string Text)> Notifications { get; } = new();

    /// <summary>What nopCommerce's event publisher hands the plugin's consumers (order cancelled, order deleted)</summary>
    public event Func<object, Task> Published;

    /// <summary>Entries written to nopCommerce's log, as (level, message)</summary>
    public ConcurrentQueue<(string Level, string Message)> Log { get; } = new();

    /// <summary>The HttpContext of the current request (a fresh one after <see cref="StartRequest"/>)</summary>
    public HttpContext HttpContext { get; private set; }

    /// <summary>Begins a new request: a fresh HttpContext for the accessor</summary>
    public HttpContext StartRequest()
    {
        HttpContext = new DefaultHttpContext();
        HttpContextAccessor.Setup(a => a.HttpContext).Returns(HttpContext);
        return HttpContext;
    }

    /// <summary>Stores the shared LINE Pay settings pointing at the emulator, the secret encrypted as the plugin stores it</summary>
    public void ConfigureLinePay(Uri apiBaseAddress, string channelId, string channelSecret, string currencyCode = "TWD",
        LinePayPaymentMode paymentMode = LinePayPaymentMode.CaptureImmediately, LinePayApiVersion apiVersion = LinePayApiVersion.V3)
    {
        Settings.Set(0, nameof(LinePayPaymentSettings.ChannelId), channelId);
        Settings.Set(0, nameof(LinePayPaymentSettings.ChannelSecret), ChannelSecrets.Encrypt(channelSecret));
        Settings.Set(0, nameof(LinePayPaymentSettings.UseSandbox), true);
        Settings.Set(0, nameof(LinePayPaymentSettings.ApiVersion), apiVersion);
        Settings.Set(0, nameof(LinePayPaymentSettings.CurrencyCode), currencyCode);
        Settings.Set(0, nameof(LinePayPaymentSettings.PaymentMode), paymentMode);
        Settings.Set(0, nameof(LinePayPaymentSettings.ApiBaseAddress), apiBaseAddress.ToString());
        //as installed
        Settings.Set(0, nameof(LinePayPaymentSettings.RefundPaymentsOfCancelledOrders), true);
    }

    /// <summary>Adds a currency; the first one added with <paramref name="primary"/> becomes the primary store currency</summary>
    public Currency AddCurrency(string code, decimal rate, bool primary = false)
    {
        var currency = new Currency { Id = Currencies.Count + 1, CurrencyCode = code, Name = code, Rate = rate };
        Currencies.Add(currency);
        if (primary)
            CurrencySettings.PrimaryStoreCurrencyId = currency.Id;
        return currency;
    }

    /// <summary>Places a pending LINE Pay order of the store, as checkout does before PostProcessPaymentAsync</summary>
    public Order PlaceOrder(decimal orderTotal, string customerCurrencyCode = "TWD", decimal currencyRate = 1m,
        int languageId = EnglishLanguageId, DateTime? createdOnUtc = null)
    {
        lock (_sync)
        {
            var order = new Order
            {
                Id = _nextOrderId++,
                OrderGuid = Guid.NewGuid(),
                StoreId = StoreId,
                CustomerId = NopStore.CustomerId,
                OrderStatus = OrderStatus.Pending,
                PaymentStatus = PaymentStatus.Pending,
                PaymentMethodSystemName = LinePayDefaults.SystemName,
                CustomerCurrencyCode = customerCurrencyCode,
                CurrencyRate = currencyRate,
                OrderTotal = orderTotal,
                CustomerLanguageId = languageId,
                CreatedOnUtc = createdOnUtc ?? DateTime.UtcNow.AddMinutes(-1)
            };
            order.CustomOrderNumber = order.Id.ToString();
            _orders[order.Id] = Copy(order);
            return order;
        }
    }

    /// <summary>Adds an order line with its product</summary>
    public void AddOrderItem(Order order, string productName, int quantity, decimal unitPriceInclTax)
    {
        lock (_sync)
        {
            var product = new Product { Id = Products.Count + 1, Name = productName };
            Products[product.Id] = product;
            if (!OrderItems.TryGetValue(order.Id, out var items))
                OrderItems[order.Id] = items = [];
            items.Add(new OrderItem
            {
                Id = items.Count + 1,
                OrderId = order.Id,
                ProductId = product.Id,
                Quantity = quantity,
                UnitPriceInclTax = unitPriceInclTax,
                PriceInclTax = unitPriceInclTax * quantity
            });
        }
    }

    /// <summary>The order as stored now</summary>
    public Order GetOrder(int orderId)
    {
        lock (_sync)
            return _orders.TryGetValue(orderId, out var order) ? Copy(order) : null;
    }

    /// <summary>Changes the stored order</summary>
    public void UpdateStoredOrder(int orderId, Action<Order> change)
    {
        lock (_sync)
            change(_orders[orderId]);
    }

    public IReadOnlyList<OrderNote> NotesOf(int orderId)
    {
        lock (_sync)
            return _notes.Where(n => n.OrderId == orderId).ToList();
    }

    /// <summary>The LINE Pay record stored on the order</summary>
    public LinePayOrderPayment PaymentOf(int orderId) => LinePayOrderPaymentService.Deserialize(AttributeOf(orderId, LinePayDefaults.OrderPaymentAttribute));

    /// <summary>The value of the entity's attribute shared by all stores, as stored now</summary>
    public string AttributeOf(int entityId, string key)
    {
        lock (_sync)
            return _attributeRows.Of(entityId, LinePayDefaults.OrderKeyGroup).FirstOrDefault(row => row.StoreId == 0
                && string.Equals(row.Key, key, StringComparison.InvariantCultureIgnoreCase))?.Value;
    }

    /// <summary>
    /// Saves a LINE Pay record on the order as the plugin would, with the scheduled task's entry for it, but keeps the
    /// record's times as they are
    /// </summary>
    public void SavePayment(int orderId, LinePayOrderPayment payment)
    {
        WriteAttribute(orderId, LinePayDefaults.OrderKeyGroup, LinePayDefaults.OrderPaymentAttribute, LinePayOrderPaymentService.Serialize(payment), 0);
        if (LinePayPaymentSchedule.NextCheckOnUtc(payment, DateTime.UtcNow) is { } due)
            Schedule.ScheduleAsync(orderId, due).GetAwaiter().GetResult();
    }

    /// <summary>Holds the lock of the key, as another request would, until the returned object is disposed</summary>
    public IDisposable HoldLock(string key)
    {
        if (!_locks.TryAdd(key, true))
            throw new InvalidOperationException($"{key} is already held.");
        return new LockRelease(() => _locks.TryRemove(key, out _));
    }

    /// <summary>The in-memory locker of another web server of a farm sharing this store's database: it holds keys of its own</summary>
    public Mock<ILocker> NewLocker() => NewLocker(new ConcurrentDictionary<string, bool>());

    /// <summary>English text of a resource, or the key when there is none</summary>
    public static string English(string key) => _englishResources.Value.TryGetValue(key, out var text) ? text : key;

    internal async Task PublishAsync(object eventMessage)
    {
        foreach (var consumer in Published?.GetInvocationList().Cast<Func<object, Task>>() ?? [])
            await consumer(eventMessage);
    }

    internal Task AddNoteAsync(Order order, string note) =>
        OrderService.Object.InsertOrderNoteAsync(new OrderNote { OrderId = order.Id, Note = note, CreatedOnUtc = DateTime.UtcNow });

    private void SetUpOrderService()
    {
        OrderService.Setup(s => s.GetOrderByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => GetOrder(id));
        OrderService.Setup(s => s.GetOrderByGuidAsync(It.IsAny<Guid>())).ReturnsAsync((Guid guid) =>
        {
            if (guid == Guid.Empty)
                return null;
            lock (_sync)
                return _orders.Values.Where(o => o.OrderGuid == guid).Select(Copy).FirstOrDefault();
        });
        OrderService.Setup(s => s.UpdateOrderAsync(It.IsAny<Order>())).Returns((Order order) =>
        {
            lock (_sync)
                _orders[order.Id] = Copy(order);
            return Task.CompletedTask;
        });
        OrderService.Setup(s => s.GetOrderItemsAsync(It.IsAny<int>(), It.IsAny<bool?>(), It.IsAny<bool?>(), It.IsAny<int>()))
            .ReturnsAsync((int orderId, bool? _, bool? _, int _) =>
            {
                lock (_sync)
                    return OrderItems.TryGetValue(orderId, out var items) ? items.ToList() : new List<OrderItem>();
            });
        OrderService.Setup(s => s.GetOrderNotesByOrderIdAsync(It.IsAny<int>(), It.IsAny<bool?>()))
            .ReturnsAsync((int orderId, bool? displayToCustomer) => NotesOf(orderId)
                .Where(n => displayToCustomer is null || n.DisplayToCustomer == displayToCustomer).ToList());
        OrderService.Setup(s => s.InsertOrderNoteAsync(It.IsAny<OrderNote>())).Returns((OrderNote note) =>
        {
            lock (_sync)
            {
                note.Id = _nextNoteId++;
                _notes.Add(note);
            }
            return Task.CompletedTask;
        });
        OrderService.Setup(s => s.SearchOrdersAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<string>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<List<int>>(),
                It.IsAny<List<int>>(), It.IsAny<List<int>>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Returns(new InvocationFunc(invocation =>
            {
                var (storeId, paymentMethodSystemName) = ((int)invocation.Arguments[0], (string)invocation.Arguments[7]);
                var (osIds, psIds) = ((List<int>)invocation.Arguments[10], (List<int>)invocation.Arguments[11]);
                lock (_sync)
                    return Task.FromResult<IPagedList<Order>>(new PagedList<Order>(_orders.Values
                        .Where(o => storeId == 0 || o.StoreId == storeId)
                        .Where(o => paymentMethodSystemName is null || o.PaymentMethodSystemName == paymentMethodSystemName)
                        .Where(o => osIds is null || osIds.Contains(o.OrderStatusId))
                        .Where(o => psIds is null || psIds.Contains(o.PaymentStatusId))
                        .Select(Copy).ToList()));
            }));
        ProductService.Setup(s => s.GetProductByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Products.GetValueOrDefault(id));
    }

    /// <summary>The generic attribute rows of the repository with the key, as stored now</summary>
    public IReadOnlyList<GenericAttribute> AttributeRowsOf(int entityId, string key)
    {
        lock (_sync)
            return _attributeRows.All.Where(row => row.EntityId == entityId && row.Key == key).ToList();
    }

    // one table of rows, as nopCommerce has: the service finds the row by entity, key group (the entity's type name),
    // store and key (case-insensitive), and deletes it for an empty value
    private void SetUpGenericAttributes()
    {
        GenericAttributeService.Setup(s => s.GetAttributeAsync(It.IsAny<BaseEntity>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<string>()))
            .ReturnsAsync((BaseEntity entity, string key, int storeId, string defaultValue) =>
            {
                lock (_sync)
                {
                    var value = FindRow(entity.Id, entity.GetType().Name, key, storeId)?.Value;
                    return string.IsNullOrEmpty(value) ? defaultValue : value;
                }
            });
        GenericAttributeService.Setup(s => s.SaveAttributeAsync(It.IsAny<BaseEntity>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>()))
            .Returns((BaseEntity entity, string key, string value, int storeId) =>
            {
                WriteAttribute(entity.Id, entity.GetType().Name, key, value, storeId);
                return Task.CompletedTask;
            });

        GenericAttributeRepository.Setup(r => r.InsertAsync(It.IsAny<GenericAttribute>(), It.IsAny<bool>()))
            .Returns((GenericAttribute row, bool _) =>
            {
                lock (_sync)
                    InsertRow(row);
                return Task.CompletedTask;
            });
        GenericAttributeRepository.Setup(r => r.UpdateAsync(It.IsAny<GenericAttribute>(), It.IsAny<bool>()))
            .Returns((GenericAttribute row, bool _) =>
            {
                lock (_sync)
                {
                    _attributeRows.Replace(Copy(row));
                }
                return Task.CompletedTask;
            });
        GenericAttributeRepository.Setup(r => r.DeleteAsync(It.IsAny<Expression<Func<GenericAttribute, bool>>>()))
            .Returns((Expression<Func<GenericAttribute, bool>> predicate) =>
            {
                lock (_sync)
                    return Task.FromResult(_attributeRows.RemoveAll(predicate));
            });
        //copies, read when the query runs, as from a database
        GenericAttributeRepository.Setup(r => r.Table).Returns(() => _attributeRows.AsQueryable(_sync, rows => rows.Select(Copy)));
    }

    /// <summary>How many generic attribute rows the repository's queries have read (the rows of the index entries they used)</summary>
    public long AttributeRowsRead
    {
        get
        {
            lock (_sync)
                return _attributeRows.RowsRead;
        }
    }

    /// <summary>The LINE Pay record service of one request, over <see cref="NewRequestGenericAttributeService"/></summary>
    public LinePayOrderPaymentService NewRequestOrderPaymentService() =>
        new(NewRequestGenericAttributeService(), GenericAttributeRepository.Object, Schedule);

    /// <summary>
    /// A generic attribute service of one request that caches as nopCommerce's does (IShortTermCacheManager): the
    /// first read of an entity's attributes is kept until this request saves one of them; a save finds the row in that
    /// list and updates it by its id, or inserts one when the list has none
    /// </summary>
    public IGenericAttributeService NewRequestGenericAttributeService()
    {
        var cache = new Dictionary<(int EntityId, string KeyGroup), List<GenericAttribute>>();
        GenericAttribute CachedRow(BaseEntity entity, string key, int storeId)
        {
            var cacheKey = (entity.Id, entity.GetType().Name);
            if (!cache.TryGetValue(cacheKey, out var rows))
            {
                lock (_sync)
                    cache[cacheKey] = rows = _attributeRows.Of(cacheKey.Id, cacheKey.Item2).Select(Copy).ToList();
            }
            return rows.FirstOrDefault(row => row.StoreId == storeId && string.Equals(row.Key, key, StringComparison.InvariantCultureIgnoreCase));
        }

        var service = new Mock<IGenericAttributeService>();
        service.Setup(s => s.GetAttributeAsync(It.IsAny<BaseEntity>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<string>()))
            .ReturnsAsync((BaseEntity entity, string key, int storeId, string defaultValue) =>
            {
                var value = CachedRow(entity, key, storeId)?.Value;
                return string.IsNullOrEmpty(value) ? defaultValue : value;
            });
        service.Setup(s => s.SaveAttributeAsync(It.IsAny<BaseEntity>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>()))
            .Returns((BaseEntity entity, string key, string value, int storeId) =>
            {
                var cached = CachedRow(entity, key, storeId);
                lock (_sync)
                {
                    var stored = cached is null ? null : _attributeRows.Of(cached.EntityId, cached.KeyGroup).FirstOrDefault(row => row.Id == cached.Id);
                    if (cached is null && !string.IsNullOrWhiteSpace(value))
                    {
                        InsertRow(new GenericAttribute
                        {
                            EntityId = entity.Id,
                            KeyGroup = entity.GetType().Name,
                            Key = key,
                            Value = value,
                            StoreId = storeId,
                            CreatedOrUpdatedDateUTC = DateTime.UtcNow
                        });
                    }
                    else if (stored is not null && string.IsNullOrWhiteSpace(value))
                        _attributeRows.Remove(stored);
                    else if (stored is not null)
                    {
                        stored.Value = value;
                        stored.CreatedOrUpdatedDateUTC = DateTime.UtcNow;
                    }
                }
                //the entity event of the write clears the request's cache of the entity
                cache.Remove((entity.Id, entity.GetType().Name));
                return Task.CompletedTask;
            });
        return service.Object;
    }

    private void WriteAttribute(int entityId, string keyGroup, string key, string value, int storeId)
    {
        lock (_sync)
        {
            var row = FindRow(entityId, keyGroup, key, storeId);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (row is not null)
                    _attributeRows.Remove(row);
            }
            else if (row is not null)
            {
                row.Value = value;
                row.CreatedOrUpdatedDateUTC = DateTime.UtcNow;
            }
            else
            {
                InsertRow(new GenericAttribute
                {
                    EntityId = entityId,
                    KeyGroup = keyGroup,
                    Key = key,
                    Value = value,
                    StoreId = storeId,
                    CreatedOrUpdatedDateUTC = DateTime.UtcNow
                });
            }
        }
    }

    private GenericAttribute FindRow(int entityId, string keyGroup, string key, int storeId) =>
        _attributeRows.Of(entityId, keyGroup).FirstOrDefault(row => row.StoreId == storeId
            && string.Equals(row.Key, key, StringComparison.InvariantCultureIgnoreCase));

    private void InsertRow(GenericAttribute row)
    {
        row.Id = _nextAttributeRowId++;
        _attributeRows.Add(row);
    }

    // like MemoryCacheLocker: false at once when the key is held; the key is released when the action ends
    private static Mock<ILocker> NewLocker(ConcurrentDictionary<string, bool> held)
    {
        var locker = new Mock<ILocker>();
        locker.Setup(l => l.PerformActionWithLockAsync(It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<Func<Task>>()))
            .Returns(async (string key, TimeSpan expiration, Func<Task> action) =>
            {
                if (!held.TryAdd(key, true))
                    return false;
                try
                {
                    await action();
                }
                catch (OperationCanceledException)
                {
                }
                finally
                {
                    held.TryRemove(key, out _);
                }
                return true;
            });
        return locker;
    }

    private void SetUpDirectory()
    {
        CurrencyService.Setup(s => s.GetAllCurrenciesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync(() => Currencies.ToList());
        CurrencyService.Setup(s => s.GetCurrencyByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Currencies.FirstOrDefault(c => c.Id == id));
        CurrencyService.Setup(s => s.GetCurrencyByCodeAsync(It.IsAny<string>()))
            .ReturnsAsync((string code) => Currencies.FirstOrDefault(c => string.Equals(c.CurrencyCode, code, StringComparison.OrdinalIgnoreCase)));
        //nopCommerce: amount × the target's rate (rates are relative to the primary exchange rate currency)
        CurrencyService.Setup(s => s.ConvertFromPrimaryStoreCurrencyAsync(It.IsAny<decimal>(), It.IsAny<Currency>()))
            .ReturnsAsync((decimal amount, Currency target) =>
            {
                var primary = Currencies.First(c => c.Id == CurrencySettings.PrimaryStoreCurrencyId);
                return amount / primary.Rate * target.Rate;
            });
        LanguageService.Setup(s => s.GetLanguageByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Languages.FirstOrDefault(l => l.Id == id));
        LanguageService.Setup(s => s.GetAllLanguagesAsync(It.IsAny<bool>(), It.IsAny<int>())).ReturnsAsync(() => Languages.ToList());
    }

    private void SetUpMessages()
    {
        LocalizationService.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => English(key));
        NotificationService.Setup(n => n.SuccessNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()))
            .Callback((string text, bool _, int _) => Notifications.Enqueue(("success", text)));
        NotificationService.Setup(n => n.WarningNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()))
            .Callback((string text, bool _, int _) => Notifications.Enqueue(("warning", text)));
        NotificationService.Setup(n => n.ErrorNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()))
            .Callback((string text, bool _, int _) => Notifications.Enqueue(("error", text)));
        Logger.Setup(l => l.InformationAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>()))
            .Returns((string message, Exception _, Customer _) => { Log.Enqueue(("information", message)); return Task.CompletedTask; });
        Logger.Setup(l => l.WarningAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>()))
            .Returns((string message, Exception _, Customer _) => { Log.Enqueue(("warning", message)); return Task.CompletedTask; });
        Logger.Setup(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>()))
            .Returns((string message, Exception _, Customer _) => { Log.Enqueue(("error", message)); return Task.CompletedTask; });
    }

    private static Order Copy(Order order)
    {
        var copy = new Order();
        foreach (var property in typeof(Order).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite))
            property.SetValue(copy, property.GetValue(order));
        return copy;
    }

    private static GenericAttribute Copy(GenericAttribute row) => new()
    {
        Id = row.Id,
        EntityId = row.EntityId,
        KeyGroup = row.KeyGroup,
        Key = row.Key,
        Value = row.Value,
        StoreId = row.StoreId,
        CreatedOrUpdatedDateUTC = row.CreatedOrUpdatedDateUTC
    };

    private sealed class LockRelease(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
