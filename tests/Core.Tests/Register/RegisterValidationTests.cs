using InfraLedger.Core.Register;

namespace InfraLedger.Core.Tests.Register;

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
