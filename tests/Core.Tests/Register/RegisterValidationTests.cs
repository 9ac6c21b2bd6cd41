using InfraLedger.Core.Register;

namespace InfraLedger.Core.Tests.Register;

[Trait("Database", "any")] // no database
public class RegisterValidationTests
{
    private static Facility Valid() => new() { TenantId = "222127", Code = "P1", Name = "石津浜公園", Kind = AssetKind.Park, Latitude = 34.842499, Longitude = 138.334028 };

    [Fact]
    public void a_valid_facility_has_no_errors() => RegisterValidation.Check(Valid(), 2026).ShouldBeEmpty();

    [Theory]
    [InlineData("Latitude", 10.0, 138.3, "緯度「10」が範囲外です")]
    [InlineData("Longitude", 34.8, 160.0, "経度「160」が範囲外です")]
    public void coordinates_must_lie_in_japan(string field, double lat, double lng, string message)
    {
        var f = Valid();
        f.Latitude = lat;
        f.Longitude = lng;

        var error = RegisterValidation.Check(f, 2026).Single();

        error.Field.ShouldBe(field);
        error.Message.ShouldStartWith(message);
    }

    [Fact]
    public void a_quantity_needs_its_kind_and_a_year_must_be_plausible()
    {
        var f = Valid();
        f.Quantity = 32500m;
        f.YearBuilt = 3000;

        RegisterValidation.Check(f, 2026).Select(e => e.Field).ShouldBe(["QuantityKind", "YearBuilt"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("0.01", null)]
    [InlineData("6.5", null)]
    [InlineData("200", null)]
    [InlineData("0", "幅員「0」が範囲外です（0mを超え200m以下）。")]
    [InlineData("-2.5", "幅員「-2.5」が範囲外です（0mを超え200m以下）。")]
    [InlineData("200.1", "幅員「200.1」が範囲外です（0mを超え200m以下）。")]
    [InlineData("6.125", "幅員「6.125」はcm単位（小数第2位まで）で入力してください。")]
    public void a_width_lies_above_0_and_up_to_200_m_in_centimetres(string width, string? message)
    {
        var f = Valid();
        f.Width = decimal.Parse(width, System.Globalization.CultureInfo.InvariantCulture);

        var error = RegisterValidation.Check(f, 2026).SingleOrDefault();

        (error?.Field, error?.Message).ShouldBe((message is null ? null : "Width", message));
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(150, null)]
    [InlineData(10_000, null)]
    [InlineData(0, "口径「0」が範囲外です（1〜10000mm）。")]
    [InlineData(-3, "口径「-3」が範囲外です（1〜10000mm）。")]
    [InlineData(10_001, "口径「10001」が範囲外です（1〜10000mm）。")]
    public void a_diameter_lies_from_1_to_10000_mm(int diameter, string? message)
    {
        var f = Valid();
        f.Diameter = diameter;

        var error = RegisterValidation.Check(f, 2026).SingleOrDefault();

        (error?.Field, error?.Message).ShouldBe((message is null ? null : "Diameter", message));
    }

    [Theory]
    [InlineData(1234.5, "register.fractional_yen")]
    [InlineData(-1, "register.negative")]
    public void acquisition_cost_is_whole_non_negative_yen(decimal cost, string code)
    {
        var a = new FixedAsset { TenantId = "222127", Number = "1", Name = "校舎", Account = "建物", AcquisitionCost = cost };

        RegisterValidation.Check(a).ShouldContain(e => e.Code == code);
    }

    [Theory]
    [InlineData("new")]
    [InlineData("MAP")]
    [InlineData("export")]
    public void codes_that_are_page_names_are_refused(string code)
    {
        var f = Valid();
        var g = new Facility { TenantId = f.TenantId, Code = code, Name = f.Name };

        RegisterValidation.Check(g, 2026).Single().Code.ShouldBe("register.reserved_key");
    }
}
