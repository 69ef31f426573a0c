import { TextLink } from "../../../ui/link";
import { can } from "../../practice/permissions";
import type { Practice } from "../../practice/practice-queries";

const PAGES = {
  payers: { permission: "payers.manage", page: "Payers", one: "payer" },
  categories: { permission: "categories.manage", page: "Categories", one: "category" },
} as const;

/** Said under an empty picker: where the missing payers or categories come from. */
export function NoneYetHint({ practice, what }: { practice: Practice; what: keyof typeof PAGES }) {
  const { permission, page, one } = PAGES[what];
  if (!can(practice.role, permission)) {
    return <>There are no {what} yet: ask an Owner or Admin to add one.</>;
  }
  return (
    <>
      There are no {what} yet:{" "}
      <TextLink to={`/practices/${practice.id}/${what}`}>
        add a {one} on the {page} page
      </TextLink>
      .
    </>
  );
}
