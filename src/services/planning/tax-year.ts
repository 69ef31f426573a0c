import {
  findTaxYear,
  SUPPORTED_TAX_YEARS,
  type TaxYearFigures,
  UnsupportedTaxYearError,
} from "../../domain/tax/tax-years.js";
import { TaxInputError } from "../../domain/tax/validate.js";
import { ApiError } from "../../http/errors.js";

/**
 * A year the planner has no figures for is refused with 422 and the domain's own message, which
 * names the years it does have: the request is well formed, the year simply cannot be computed.
 */
export function requirePlannerYear(year: number): TaxYearFigures {
  const figures = findTaxYear(year);
  if (!figures) throw unsupportedYear(year);
  return figures;
}

function unsupportedYear(year: number): ApiError {
  return new ApiError(422, "validation_failed", new UnsupportedTaxYearError(year).message, {
    year,
    supportedYears: [...SUPPORTED_TAX_YEARS],
  });
}

/** Runs a tax computation, answering 422 for what the domain refuses instead of a 500. */
export function computeTax<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof UnsupportedTaxYearError) throw unsupportedYear(error.year);
    if (error instanceof TaxInputError) throw new ApiError(422, "validation_failed", error.message);
    throw error;
  }
}

/**
 * The tax year a payment counts toward when nobody said: a payment made in January is the
 * previous year's fourth installment (due mid-January); any other month pays the current year.
 */
export function defaultTaxYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return isoDate.slice(5, 7) === "01" ? year - 1 : year;
}
