using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.MunicipalView;

/// <summary>The analyst's start: every indicator of the municipality by section, with its explanation and this
/// year's total (suppressed like every other cell).</summary>
public sealed class IndexModel(WijkbasisDb db, MunicipalCubeLoader loader, TimeProvider time) : PageModel
{
    public string Municipality { get; private set; } = "";
    public int Year { get; private set; }
    public CubeLoad Load { get; private set; } = new(null, null, true);
    public MunicipalCube Cube => Load.Ready;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var id = MunicipalCubeLoader.MunicipalityOf(User)!.Value;
        Municipality = await db.Municipalities.Where(m => m.Id == id).Select(m => m.Name).SingleAsync(cancellationToken);
        Year = time.AmsterdamToday().Year;
        Load = await loader.LoadAsync(id, Year, cancellationToken);
    }

    public string TotalText(Indicator indicator) =>
        MunicipalTable.Text(indicator, Cube.Cell(indicator, Cube.UnitsOf(UnitKind.Total).Single(), ImpactPeriod.Year(Year)));
}
