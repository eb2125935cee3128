using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// One try at charging one cycle of a subscription with its pre-approved key
/// </summary>
public class LinePayCycleCharge
{
    /// <summary>
    /// Gets or sets the cycle: 2 for the first one charged with the key (the first order is cycle 1, as nopCommerce counts)
    /// </summary>
    public int Cycle { get; set; }

    /// <summary>
    /// Gets or sets the try of the cycle: one more after each charge LINE Pay refused
    /// </summary>
    public int Try { get; set; }

    /// <summary>
    /// Gets or sets the orderId sent to LINE Pay, the same for every call of the try (see LinePayOrderIds.ForCycle)
    /// </summary>
    public string LinePayOrderId { get; set; }

    public LinePayCycleState State { get; set; }

    /// <summary>
    /// Gets or sets LINE Pay's transaction of the charge
    /// </summary>
    public long? TransactionId { get; set; }

    /// <summary>
    /// Gets or sets the amount charged, in <see cref="Currency"/>
    /// </summary>
    public decimal Amount { get; set; }

    public string Currency { get; set; }

    /// <summary>
    /// Gets or sets the GUID nopCommerce gave the cycle's order when it asked for the charge: the order has it once
    /// nopCommerce placed it
    /// </summary>
    public Guid? OrderGuid { get; set; }

    /// <summary>
    /// Gets or sets LINE Pay's return code of a refused or unknown charge
    /// </summary>
    public string ReturnCode { get; set; }

    /// <summary>
    /// Gets or sets whether the charge was sent to LINE Pay's sandbox, and the API base address it was sent to instead
    /// of LINE Pay's own (a test emulator)
    /// </summary>
    public bool Sandbox { get; set; }

    public string ApiBaseAddress { get; set; }

    /// <summary>
    /// Gets or sets when the charge was sent (UTC)
    /// </summary>
    public DateTime StartedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets until when an authorized charge can be captured (UTC)
    /// </summary>
    public DateTime? AuthorizationExpiresOnUtc { get; set; }

    /// <summary>
    /// Gets a value indicating whether LINE Pay holds the cycle's money
    /// </summary>
    public bool IsCharged => State is LinePayCycleState.Paid or LinePayCycleState.Authorized;

    /// <summary>
    /// Gets a value indicating whether LINE Pay may have charged without telling the store
    /// </summary>
    public bool IsOpen => State is LinePayCycleState.Charging or LinePayCycleState.Unknown;

    /// <summary>
    /// Gets the amount with its currency as written on the wire, e.g. "450 TWD"
    /// </summary>
    public string FormatAmount() => LinePayCurrencyScale.Format(Amount, Currency);
}
