import type { Ref, SelectHTMLAttributes } from "react";
import { SelectField } from "./fields";
import { listTimeZones, US_TIME_ZONES } from "./time-zones";

type TimeZoneSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "children"> & {
  error?: string | undefined;
  /** The zone saved today, offered even if this browser does not list it. */
  currentValue?: string | undefined;
  ref?: Ref<HTMLSelectElement>;
};

const US_IDS = new Set<string>(US_TIME_ZONES.map((zone) => zone.id));

/** US zones first, then every zone the browser knows, as a native (keyboard-searchable) select. */
export function TimeZoneSelect({ currentValue, ...props }: TimeZoneSelectProps) {
  const others = listTimeZones().filter((zone) => !US_IDS.has(zone));
  const unlisted = currentValue && !US_IDS.has(currentValue) && !others.includes(currentValue);
  return (
    <SelectField
      label="Time zone"
      hint="Decides which day a transaction, a payment or a tax deadline falls on."
      {...props}
    >
      <optgroup label="United States">
        {US_TIME_ZONES.map((zone) => (
          <option key={zone.id} value={zone.id}>
            {zone.label}
          </option>
        ))}
      </optgroup>
      <optgroup label="All time zones">
        {unlisted ? <option value={currentValue}>{currentValue.replaceAll("_", " ")}</option> : null}
        {others.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </optgroup>
    </SelectField>
  );
}
