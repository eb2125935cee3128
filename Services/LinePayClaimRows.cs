using Nop.Core.Domain.Common;
using Nop.Data;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// One-shot claims kept as generic attribute rows: taking one is a conditional DELETE that the database applies
/// atomically, so of any number of concurrent takers, on any instance of a web farm, exactly one sees a deleted row
/// </summary>
public class LinePayClaimRows
{
    protected readonly IRepository<GenericAttribute> _genericAttributeRepository;

    public LinePayClaimRows(IRepository<GenericAttribute> genericAttributeRepository)
    {
        _genericAttributeRepository = genericAttributeRepository;
    }

    /// <summary>
    /// Makes the claim available
    /// </summary>
    public virtual Task PutAsync(int entityId, string keyGroup, string key, string claim) =>
        _genericAttributeRepository.InsertAsync(new GenericAttribute
        {
            EntityId = entityId,
            KeyGroup = keyGroup,
            Key = key,
            Value = claim,
            StoreId = 0,
            CreatedOrUpdatedDateUTC = DateTime.UtcNow
        }, false);

    /// <summary>
    /// Takes the claim; false when it is not there (another request took it)
    /// </summary>
    public virtual async Task<bool> TryTakeAsync(int entityId, string keyGroup, string key, string claim) =>
        await _genericAttributeRepository.DeleteAsync(row => row.EntityId == entityId && row.KeyGroup == keyGroup
            && row.Key == key && row.Value == claim) > 0;

    /// <summary>
    /// Gets a value indicating whether the claim is there to be taken
    /// </summary>
    public virtual Task<bool> IsAvailableAsync(int entityId, string keyGroup, string key, string claim) =>
        _genericAttributeRepository.Table.AnyAsync(row => row.EntityId == entityId && row.KeyGroup == keyGroup
            && row.Key == key && row.Value == claim);

    /// <summary>
    /// Removes every claim of the key, available or not
    /// </summary>
    public virtual Task RemoveAllAsync(int entityId, string keyGroup, string key) =>
        _genericAttributeRepository.DeleteAsync(row => row.EntityId == entityId && row.KeyGroup == keyGroup && row.Key == key);
}
