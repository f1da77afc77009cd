using Wijkbasis.Features.Import;
using Wijkbasis.Features.People;

namespace Wijkbasis.Tests.Features.Import;

/// <summary>Dates, postcodes and phone numbers in the forms people type them (pure, no database).</summary>
public sealed class ImportValuesTests
{
    [Theory]
    [InlineData("3-1-2024")]
    [InlineData("03-01-2024")]
    [InlineData("2024-01-03")]
    [InlineData("3 jan 2024")]
    [InlineData("3 januari 2024")]
    [InlineData("3/1/2024")]
    [InlineData("3-1-2024 10:00")]
    public void EveryTypedFormOfTheThirdOfJanuaryIsRead(string typed) =>
        Assert.Equal(new DateOnly(2024, 1, 3), ImportValues.Date(typed, fromXlsx: false));

    [Fact]
    public void AnExcelSerialIsADateOnlyInAnXlsx()
    {
        Assert.Equal(new DateOnly(2024, 1, 3), ImportValues.Date("45294", fromXlsx: true));
        Assert.Null(ImportValues.Date("45294", fromXlsx: false));
    }

    [Theory]
    [InlineData("32-1-2024")]
    [InlineData("morgen")]
    [InlineData("3-1-1850")]
    public void WhatIsNoDateIsRefused(string typed) => Assert.Null(ImportValues.Date(typed, fromXlsx: false));

    [Theory]
    [InlineData("6822 AB")]
    [InlineData("6822ab")]
    [InlineData(" 6822aB ")]
    public void PostcodesAreWrittenTheRegistersWay(string typed) => Assert.Equal("6822 AB", PostcodeRules.Normalize(typed));

    [Theory]
    [InlineData("06-12345678")]
    [InlineData("06 1234 5678")]
    [InlineData("+31 6 1234 5678")]
    [InlineData("+31 (0)6 12345678")]
    [InlineData("0031612345678")]
    [InlineData("612345678")]
    public void MobileNumbersBecomeTenDigits(string typed) => Assert.Equal("0612345678", ImportValues.Phone(typed));

    [Theory]
    [InlineData("06-1234")]
    [InlineData("bel me")]
    [InlineData("12345")]
    public void WhatIsNoPhoneNumberIsRefused(string typed) => Assert.Null(ImportValues.Phone(typed));

    [Theory]
    [InlineData("10:00", 10, 0)]
    [InlineData("9.30", 9, 30)]
    [InlineData("10u", 10, 0)]
    public void TimesAreReadAsTyped(string typed, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), ImportValues.Time(typed, fromXlsx: false));
}
