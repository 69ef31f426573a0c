/** 1250 hundredths → "12.5", 120000 → "1,200" (exact: the digits come from the integer). */
export function formatMiles(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const rest = hundredths % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+$)/g, ",");
  if (rest === 0) return grouped;
  return `${grouped}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}

/** 700 mills a mile → "70¢", 655 → "65.5¢". */
export function formatRate(millsPerMile: number): string {
  const rest = millsPerMile % 10;
  return `${Math.trunc(millsPerMile / 10)}${rest === 0 ? "" : `.${rest}`}¢`;
}
