import { useId } from "react";
import { formatAmount, formatMonth, formatShortMonth } from "./report-format";

export type MonthFigures = { month: string; incomeCents: number; expenseCents: number };

const HEIGHT = 240;
const LEFT = 64;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 28;
const SLOT = 48;
const BAR = 16;

const AXIS_LABEL = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});

/** A round step (1, 2 or 5 × a power of ten) that splits `span` into about four parts. */
function niceStep(span: number): number {
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

function scaleOf(months: MonthFigures[]) {
  const values = months.flatMap((m) => [m.incomeCents, m.expenseCents]);
  const high = Math.max(0, ...values);
  const low = Math.min(0, ...values);
  const step = niceStep(Math.max(high - low, 100));
  const top = Math.ceil(high / step) * step || step;
  const bottom = Math.floor(low / step) * step;
  const ticks: number[] = [];
  for (let value = bottom; value <= top; value += step) ticks.push(value);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (cents: number) => TOP + ((top - cents) / (top - bottom)) * plotHeight;
  return { ticks, y };
}

/**
 * Income against expenses by month, drawn by hand in SVG (no chart library: the CSP allows no
 * injected styles). The picture is one labelled image; the figures themselves are in the table
 * the caller puts next to it, which is what a screen reader or a keyboard user reads.
 */
export function MonthlyChart({ months, label }: { months: MonthFigures[]; label: string }) {
  const titleId = useId();
  const { ticks, y } = scaleOf(months);
  // A short range spreads its months over a year's width, so a quarter is not three fat bars.
  const slot = months.length >= 12 ? SLOT : (12 * SLOT) / Math.max(months.length, 1);
  const width = LEFT + RIGHT + months.length * slot;
  const zero = y(0);
  const manyYears = new Set(months.map((m) => m.month.slice(0, 4))).size > 1;
  const bar = (cents: number) => ({ y: Math.min(y(cents), zero), height: Math.abs(zero - y(cents)) });
  return (
    <figure className="flex flex-col gap-3">
      <div>
        <svg
          role="img"
          aria-labelledby={titleId}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          className="h-auto w-full text-slate-600"
        >
          <title id={titleId}>{label}</title>
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={LEFT}
                x2={width - RIGHT}
                y1={y(tick)}
                y2={y(tick)}
                className={tick === 0 ? "stroke-slate-400" : "stroke-slate-200"}
                strokeWidth={1}
              />
              <text x={LEFT - 8} y={y(tick) + 4} textAnchor="end" className="fill-slate-600 text-[11px]">
                {AXIS_LABEL.format(tick / 100)}
              </text>
            </g>
          ))}
          {months.map((m, index) => {
            const x = LEFT + index * slot + (slot - 2 * BAR - 4) / 2;
            const income = bar(m.incomeCents);
            const expense = bar(m.expenseCents);
            return (
              <g key={m.month}>
                <rect x={x} width={BAR} y={income.y} height={income.height} rx={2} className="fill-teal-600">
                  <title>{`${formatMonth(m.month)} income: ${formatAmount(m.incomeCents)}`}</title>
                </rect>
                <rect
                  x={x + BAR + 4}
                  width={BAR}
                  y={expense.y}
                  height={expense.height}
                  rx={2}
                  className="fill-amber-700"
                >
                  <title>{`${formatMonth(m.month)} expenses: ${formatAmount(m.expenseCents)}`}</title>
                </rect>
                <text
                  x={LEFT + index * slot + slot / 2}
                  y={HEIGHT - 8}
                  textAnchor="middle"
                  className="fill-slate-600 text-[11px]"
                >
                  {manyYears
                    ? `${formatShortMonth(m.month)} ’${m.month.slice(2, 4)}`
                    : formatShortMonth(m.month)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
        <span className="inline-flex items-center gap-2">
          <span aria-hidden="true" className="size-3 rounded-sm bg-teal-600" />
          Income
        </span>
        <span className="inline-flex items-center gap-2">
          <span aria-hidden="true" className="size-3 rounded-sm bg-amber-700" />
          Expenses
        </span>
      </figcaption>
    </figure>
  );
}
