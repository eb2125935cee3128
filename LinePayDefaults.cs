namespace Nop.Plugin.Payments.LinePay;

/// <summary>
/// Constants of the LINE Pay plugin
/// </summary>
public static class LinePayDefaults
{
    /// <summary>
    /// Gets the plugin system name (also the name of its folder under ~/Plugins)
    /// </summary>
    public static string SystemName => "Payments.LinePay";

    /// <summary>
    /// Gets the prefix of every locale resource of the plugin
    /// </summary>
    public static string ResourcePrefix => "Plugins.Payments.LinePay";

    /// <summary>
    /// Gets the folder, beside the plugin assembly, that holds the locale resource files
    /// </summary>
    public static string LocalizationFolder => "Localization";

    /// <summary>
    /// Gets the path of the admin configuration page, relative to the store location
    /// </summary>
    public static string ConfigurationPath => "Admin/PaymentLinePay/Configure";

    /// <summary>
    /// Gets the path LINE Pay sends the customer back to after approving a payment, relative to the store location
    /// </summary>
    public static string ConfirmPath => "Plugins/PaymentLinePay/Confirm";

    /// <summary>
    /// Gets the path LINE Pay sends the customer back to after cancelling a payment, relative to the store location
    /// </summary>
    public static string CancelPath => "Plugins/PaymentLinePay/Cancel";

    /// <summary>
    /// Gets the configuration view path
    /// </summary>
    public static string ConfigurationViewPath => "~/Plugins/Payments.LinePay/Views/Configure.cshtml";

    /// <summary>
    /// Gets the view path of the LINE Pay panel on the order page
    /// </summary>
    public static string OrderPanelViewPath => "~/Plugins/Payments.LinePay/Views/OrderPanel.cshtml";

    /// <summary>
    /// Gets the payment info view path
    /// </summary>
    public static string PaymentInfoViewPath => "~/Plugins/Payments.LinePay/Views/PaymentInfo.cshtml";

    /// <summary>
    /// Gets the name of the HttpClient the LINE Pay API is called with
    /// </summary>
    public static string HttpClientName => "LinePay";

    /// <summary>
    /// Gets the prefix of a stored channel secret that is encrypted with the store's encryption key. nopCommerce's
    /// encrypted text is base64, which has no ':', and LINE Pay's secrets are hexadecimal, so a stored value is
    /// encrypted exactly when it starts with this (a plain secret never does)
    /// </summary>
    public static string EncryptedSecretPrefix => "enc:";

    /// <summary>
    /// Gets the key of the order's generic attribute holding its LINE Pay payment (JSON)
    /// </summary>
    public static string OrderPaymentAttribute => "LinePay.OrderPayment";

    /// <summary>
    /// Gets the key of the order's generic attributes that are one-shot claims to finish its payment ("transactionId:claim")
    /// </summary>
    public static string ConfirmClaimAttribute => "LinePay.ConfirmClaim";

    /// <summary>
    /// Gets the key group of the scheduled task's to-do list: generic attributes of entity 0, one per order (its id as
    /// key), whose CreatedOrUpdatedDateUTC says when the task looks at the order's payment next
    /// </summary>
    public static string ScheduleKeyGroup => "LinePayPaymentSchedule";

    /// <summary>
    /// Gets the key group of an order's generic attributes
    /// </summary>
    public static string OrderKeyGroup => "Order";

    /// <summary>
    /// Gets the type of the scheduled task that settles unfinished payments, as nopCommerce resolves it ("type, assembly")
    /// </summary>
    public static string ReconciliationTaskType => "Nop.Plugin.Payments.LinePay.Services.LinePayReconciliationTask, Nop.Plugin.Payments.LinePay";

    /// <summary>
    /// Gets the name of the scheduled task that settles unfinished payments
    /// </summary>
    public static string ReconciliationTaskName => "LINE Pay: settle unfinished payments";

    /// <summary>
    /// Gets how often the reconciliation task runs, in seconds
    /// </summary>
    public static int ReconciliationTaskSeconds => 5 * 60;

    /// <summary>
    /// Gets how many payments one run of the reconciliation task looks at, at most (the most overdue first)
    /// </summary>
    public static int ReconciliationBatchSize => 100;

    /// <summary>
    /// Gets how long a payment's outcome may stay open before the task gives up asking LINE Pay about it
    /// </summary>
    public static TimeSpan GiveUpAfter => TimeSpan.FromDays(7);

    /// <summary>
    /// Gets the longest wait between two looks at an open payment whose outcome LINE Pay keeps not telling (the wait
    /// doubles from one task period up to this)
    /// </summary>
    public static TimeSpan LongestCheckInterval => TimeSpan.FromDays(1);

    /// <summary>
    /// Gets how often the task reads Payment Details of a paid or authorized payment, to mirror refunds and voids done
    /// in LINE Pay Merchant Center
    /// </summary>
    public static TimeSpan MerchantCenterCheckInterval => TimeSpan.FromDays(1);

    /// <summary>
    /// Gets how long after the payment refunds done in LINE Pay Merchant Center are mirrored (LINE Pay's refund window
    /// depends on the merchant's contract; past it nothing can be refunded any more)
    /// </summary>
    public static TimeSpan MerchantCenterWatchPeriod => TimeSpan.FromDays(90);

    /// <summary>
    /// Gets how long a refund the admin made from the order page is left for nopCommerce to record before the task
    /// records it in the order itself
    /// </summary>
    public static TimeSpan StoreRefundGrace => TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets how long after its request a payment is left alone (the customer may still be on LINE Pay's page)
    /// </summary>
    public static TimeSpan ReconciliationMinimumAge => TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets how long LINE Pay keeps a reservation the customer has not approved
    /// </summary>
    public static TimeSpan ReservationLifetime => TimeSpan.FromMinutes(20);

    /// <summary>
    /// Gets how long before an authorization expires the order gets a note
    /// </summary>
    public static TimeSpan AuthorizationExpiryWarning => TimeSpan.FromHours(24);

    /// <summary>
    /// Gets the key of the lock taken while a payment of an order is confirmed; {0} is the order GUID
    /// </summary>
    public static string ConfirmLockKey => "Nop.Plugin.Payments.LinePay.Confirm-{0}";

    /// <summary>
    /// Gets how long the confirm lock is held at most (LINE Pay's Confirm timeout plus a Check and a Details)
    /// </summary>
    public static TimeSpan ConfirmLockExpiration => TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets how long an order's LINE Pay record must stay unchanged, with its claim missing, before the claim is
    /// considered abandoned by a holder that died: well beyond the longest a holder takes (a Confirm, a Check, Payment
    /// Details and a refund at their timeouts, about two minutes), and short enough for an approved payment to be
    /// confirmed within LINE Pay's 20 minutes
    /// </summary>
    public static TimeSpan ClaimAbandonedAfter => TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets the key group of a recurring payment's generic attributes
    /// </summary>
    public static string SubscriptionKeyGroup => "RecurringPayment";

    /// <summary>
    /// Gets the key of the recurring payment's generic attribute holding its LINE Pay subscription (JSON)
    /// </summary>
    public static string SubscriptionAttribute => "LinePay.Subscription";

    /// <summary>
    /// Gets the key of the recurring payment's generic attributes that are one-shot claims to work on its subscription
    /// </summary>
    public static string SubscriptionClaimAttribute => "LinePay.SubscriptionClaim";

    /// <summary>
    /// Gets the key of the lock taken while a subscription is worked on; {0} is the recurring payment's id
    /// </summary>
    public static string SubscriptionLockKey => "Nop.Plugin.Payments.LinePay.Subscription-{0}";

    /// <summary>
    /// Gets the key group of the subscription task's to-do list: generic attributes of entity 0, one per recurring
    /// payment (its id as key), whose CreatedOrUpdatedDateUTC says when the task looks at it next
    /// </summary>
    public static string SubscriptionScheduleKeyGroup => "LinePaySubscriptionSchedule";

    /// <summary>
    /// Gets the type of the scheduled task that charges the subscriptions' due cycles ("type, assembly")
    /// </summary>
    public static string SubscriptionTaskType => "Nop.Plugin.Payments.LinePay.Services.LinePaySubscriptionTask, Nop.Plugin.Payments.LinePay";

    /// <summary>
    /// Gets the name of the scheduled task that charges the subscriptions' due cycles
    /// </summary>
    public static string SubscriptionTaskName => "LINE Pay: charge due subscriptions";

    /// <summary>
    /// Gets how often the subscription task runs, in seconds
    /// </summary>
    public static int SubscriptionTaskSeconds => 60 * 60;

    /// <summary>
    /// Gets how many subscriptions one run of the subscription task looks at, at most (the most overdue first)
    /// </summary>
    public static int SubscriptionBatchSize => 50;

    /// <summary>
    /// Gets how long a subscription whose cycle LINE Pay has not told the outcome of, or whose last charge was refused,
    /// is left before the task looks at it again
    /// </summary>
    public static TimeSpan SubscriptionRetryInterval => TimeSpan.FromHours(1);

    /// <summary>
    /// Gets how long a charge sent to LINE Pay is left to its sender before another request asks Payment Details about
    /// it (Pay Preapproved's timeout is 40 seconds)
    /// </summary>
    public static TimeSpan ChargeInFlightFor => TimeSpan.FromMinutes(2);

    /// <summary>
    /// Names of the plugin's routes
    /// </summary>
    public static class Route
    {
        /// <summary>
        /// Gets the route name of the admin configuration page
        /// </summary>
        public static string Configuration => "Plugin.Payments.LinePay.Configuration";

        /// <summary>
        /// Gets the route name of the confirm return (the customer approved the payment on LINE Pay)
        /// </summary>
        public static string Confirm => "Plugin.Payments.LinePay.Confirm";

        /// <summary>
        /// Gets the route name of the cancel return (the customer cancelled the payment on LINE Pay)
        /// </summary>
        public static string Cancel => "Plugin.Payments.LinePay.Cancel";
    }
}
