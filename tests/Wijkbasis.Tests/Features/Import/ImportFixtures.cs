namespace Wijkbasis.Tests.Features.Import;

/// <summary>Files made by other programs. <c>Fixtures/sessies-libreoffice.xlsx</c> was made from the CSV beside it by
/// LibreOffice Calc 7.4 (Debian's libreoffice-calc-nogui):
/// <c>soffice --headless --convert-to xlsx --infilter="CSV:44,34,76,1" sessies-libreoffice.csv</c>; LibreOffice turned
/// the dates into date cells (serial numbers) and the times into time cells (fractions of a day), as Excel does.</summary>
internal static class ImportFixtures
{
    public const string LibreOfficeActivity = "Taalcafé LibreOffice";

    public static byte[] LibreOfficeSessions()
    {
        using var stream = typeof(ImportFixtures).Assembly.GetManifestResourceStream("Fixtures.sessies-libreoffice.xlsx")
            ?? throw new InvalidOperationException("The fixture is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
