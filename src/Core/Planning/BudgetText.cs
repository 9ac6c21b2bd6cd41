using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Planning;

/// <summary>
/// Budgets as written on a command line: 「800,800,800」 (one amount per year from <c>firstYear</c>) or
/// 「国費=100,100,100」 for a funding source; several such values for several sources.
/// </summary>
public static class BudgetText
{
    public static Result<IReadOnlyList<Budget>> Parse(IEnumerable<string> values, int firstYear)
    {
        var budgets = new List<Budget>();
        foreach (var value in values)
        {
            var (source, amounts) = value.Split('=', 2) is [var s, var a] ? (s.Trim(), a) : ("", value);
            var years = amounts.Split(',');
            for (var i = 0; i < years.Length; i++)
            {
                if (!decimal.TryParse(years[i].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                {
                    return Errors.BudgetText(value);
                }

                budgets.Add(new Budget(firstYear + i, source, amount));
            }
        }

        return budgets.Count == 0 ? Errors.BudgetText("") : budgets;
    }
}
