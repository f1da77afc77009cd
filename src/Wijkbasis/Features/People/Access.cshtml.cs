using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbasis.Features.People;

/// <summary>Subject access (AVG art. 15): everything held about one person, as a page, a PDF and JSON. Each look and
/// each download is audited before it is shown (docs/decisions/0023).</summary>
public sealed class AccessModel(SubjectAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public SubjectAccess.Report Report { get; private set; } = null!;
    public IReadOnlyList<SubjectAccessDocument.Section> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var report = await access.CollectAsync(Id, SubjectAccess.ViewAction, ct);
        if (report is null)
        {
            return NotFound();
        }
        Report = report;
        Sections = SubjectAccessDocument.Sections(report);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) =>
        await access.CollectAsync(Id, SubjectAccess.PdfAction, ct) is { } report
            ? File(SubjectAccessDocument.Pdf(report), "application/pdf", FileName(report, "pdf"))
            : NotFound();

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct) =>
        await access.CollectAsync(Id, SubjectAccess.JsonAction, ct) is { } report
            ? File(SubjectAccess.ToJson(report), "application/json; charset=utf-8", FileName(report, "json"))
            : NotFound();

    /// <summary>Named by the person's id, not their name: the file name shows in download lists.</summary>
    private static string FileName(SubjectAccess.Report report, string extension) =>
        $"inzage-{report.Person.Id:N}-{report.CreatedAt:yyyyMMdd}.{extension}";
}
