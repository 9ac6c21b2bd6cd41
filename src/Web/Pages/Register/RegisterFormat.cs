using System.Globalization;

namespace InfraLedger.Web.Pages.Register;

/// <summary>How the register's numbers and dates are written on its pages.</summary>
public static class RegisterFormat
{
    public static string Yen(decimal yen) => yen.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Quantity(decimal? quantity) => quantity?.ToString("#,0.###", CultureInfo.InvariantCulture) ?? "";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Coordinate(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
