namespace Wijkbasis.Tests.Features;

/// <summary>A value that cannot be read names its field in Dutch, or not at all: never by its C# name.</summary>
public sealed class BindingMessageTests
{
    [Theory]
    [InlineData("DueOn", true)]
    [InlineData("Input.StartTime", true)]
    [InlineData("On", true)]
    [InlineData("Kind", true)]
    [InlineData("Tarief", false)]
    [InlineData("Doel", false)]
    [InlineData("de datum", false)]
    [InlineData("13–17 jaar", false)]
    public void ACodeNameIsToldFromADisplayName(string field, bool isCode) => Assert.Equal(isCode, Wijkbasis.Infrastructure.Localization.BindingMessages.IsCodeName(field));
}
