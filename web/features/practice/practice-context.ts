import { useOutletContext } from "react-router";
import type { Practice } from "./practice-queries";

export type PracticeContext = { practice: Practice };

/** The practice the page is about, resolved once by PracticeLayout. */
export function useCurrentPractice(): Practice {
  return useOutletContext<PracticeContext>().practice;
}
