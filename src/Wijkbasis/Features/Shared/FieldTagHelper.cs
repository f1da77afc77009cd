using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Wijkbasis.Features.Shared;

/// <summary><c>&lt;wb-field asp-for="Input.Name" label="Naam" /&gt;</c>: one labelled input with its hint and error
/// (rendered by _Field.cshtml). The name and value come from the model expression, so renaming the property breaks
/// the build instead of the form.</summary>
[HtmlTargetElement("wb-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlHelper html) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public required Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }

    /// <summary>The Dutch label (a resource key).</summary>
    public required string Label { get; set; }

    public string? Hint { get; set; }

    /// <summary>The input type ("text", "date", "number", "email", "tel", "time") or "textarea".</summary>
    public string Type { get; set; } = "text";

    public int? MaxLength { get; set; }

    public bool Required { get; set; }

    public string? InputMode { get; set; }

    public string? Autocomplete { get; set; } = "off";

    /// <summary>The value to show when the model holds none (a default date, say).</summary>
    public object? Value { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ((IViewContextAware)html).Contextualize(ViewContext);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var field = new Field(name, Label, For.Model ?? Value, Type, Hint, MaxLength, Required, InputMode, Autocomplete);
        output.TagName = null;
        output.Content.SetHtmlContent(await html.PartialAsync("_Field", field));
    }
}
