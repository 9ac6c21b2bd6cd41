using System.Globalization;
using InfraLedger.Core.Common;

namespace InfraLedger.Core.Planning;

/// <summary>
/// Budgets as written on a command line: 「800,800,800」 (one amount per year from <c>firstYear</c>) or
/// 「国費=100,100,100」 for a funding source; several such values for several sources. Given <c>years</c> (a plan run's
/// horizon), a single amount is the budget of every year.
/// </summary>
public static class BudgetText
{
    public static Result<IReadOnlyList<Budget>> Parse(IEnumerable<string> values, int firstYear, int? years = null)
    {
        var budgets = new List<Budget>();
        foreach (var value in values)
        {
            var (source, amounts) = value.Split('=', 2) is [var s, var a] ? (s.Trim(), a) : ("", value);
            var perYear = amounts.Split(',');
            if (years is { } n && perYear.Length == 1)
            {
                perYear = [.. Enumerable.Repeat(perYear[0], n)];
            }

            for (var i = 0; i < perYear.Length; i++)
            {
                if (!decimal.TryParse(perYear[i].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                {
                    return Errors.BudgetText(value);
                }

                budgets.Add(new Budget(firstYear + i, source, amount));
            }
        }

        return budgets.Count == 0 ? Errors.BudgetText("") : budgets;
    }
}
