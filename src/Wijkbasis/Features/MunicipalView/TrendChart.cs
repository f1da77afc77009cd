using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Wijkbasis.Features.MunicipalView;

/// <summary>A small bar chart of twelve months as inline SVG (no script). A hidden month gets the hidden mark instead of
/// a bar; the page's text summary and table say the same in words and numbers. It scales with the page through its
/// view box (the content security policy allows no inline style).</summary>
public static class TrendChart
{
    private const int Width = 36, Gap = 8, Height = 120;

    public static IHtmlContent Svg(IReadOnlyList<FiguresModel.Bar> bars, string labelledBy)
    {
        var inv = CultureInfo.InvariantCulture;
        var max = bars.Where(b => b.Value is > 0).Select(b => b.Value!.Value).DefaultIfEmpty(0).Max();
        var w = (Width + Gap) * bars.Count;
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg class=\"wb-chart\" role=\"img\" aria-labelledby=\"{WebUtility.HtmlEncode(labelledBy)}\" width=\"100%\" viewBox=\"0 0 {w} {Height + 24}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = i * (Width + Gap);
            if (bar.Text == MunicipalTable.Hidden)
            {
                svg.Append(inv, $"<text x=\"{x + Width / 2}\" y=\"{Height - 4}\" text-anchor=\"middle\" font-size=\"16\">{MunicipalTable.Hidden}</text>");
            }
            else if (bar.Value is > 0 && max > 0)
            {
                var h = (int)Math.Max(1, Math.Round(bar.Value.Value / max * Height));
                svg.Append(inv, $"<rect x=\"{x}\" y=\"{Height - h}\" width=\"{Width}\" height=\"{h}\" fill=\"#1a5a96\"></rect>");
            }
            svg.Append(inv, $"<text x=\"{x + Width / 2}\" y=\"{Height + 18}\" text-anchor=\"middle\" font-size=\"12\">{bar.Month}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
