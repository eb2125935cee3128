// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Nop.Services.Localization;
using Nop.Web.Framework.Models;

namespace Nop.Web.Framework.Controllers;

public abstract partial class BaseController : Controller
{
    protected virtual Task<string> RenderViewComponentToStringAsync(Type componentType, object arguments = null) =>
        throw new NotSupportedException();

    protected virtual Task<string> RenderPartialViewToStringAsync(string viewName, object model) =>
        throw new NotSupportedException();

    protected JsonResult ErrorJson(string error) => throw new NotSupportedException();

    protected JsonResult ErrorJson(object errors) => throw new NotSupportedException();

    protected virtual void DisplayEditLink(string editPageUrl) => throw new NotSupportedException();

    protected virtual Task AddLocalesAsync<TLocalizedModelLocal>(ILanguageService languageService,
        IList<TLocalizedModelLocal> locales) where TLocalizedModelLocal : ILocalizedLocaleModel =>
        throw new NotSupportedException();

    protected virtual Task AddLocalesAsync<TLocalizedModelLocal>(ILanguageService languageService,
        IList<TLocalizedModelLocal> locales, Action<TLocalizedModelLocal, int> configure)
        where TLocalizedModelLocal : ILocalizedLocaleModel =>
        throw new NotSupportedException();

    protected virtual IActionResult AccessDeniedView() => throw new NotSupportedException();

    protected virtual Task<JsonResult> AccessDeniedJsonAsync() => throw new NotSupportedException();

    public virtual void SaveSelectedCardName(string cardName, bool persistForTheNextRequest = true) =>
        throw new NotSupportedException();

    public virtual Task SaveSelectedTabNameAsync(string tabName = "", bool persistForTheNextRequest = true) =>
        throw new NotSupportedException();

    protected virtual void SaveSelectedTabName(string tabName, StringValues selectedTabName, string dataKeyPrefix,
        bool persistForTheNextRequest) =>
        throw new NotSupportedException();
}
