import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Text,
} from "@react-email/components";
import { type CSSProperties, createElement as h, type ReactElement, type ReactNode } from "react";

/*
 * Templates are plain `.ts` calling `createElement`, not `.tsx`: the server build
 * (`tsc -p tsconfig.server.json`) then needs no JSX setting and no extra include pattern.
 */

export const PRODUCT_NAME = "TherapyLedger";
export const ACCOUNT_FOOTER =
  "You received this because you have a TherapyLedger account. We never include client information in email.";

/** What each template function returns; `renderEmail` turns it into HTML and plain text. */
export type EmailContent = { subject: string; body: ReactElement };

const styles = {
  body: { backgroundColor: "#f6f7f9", fontFamily: "Helvetica, Arial, sans-serif", color: "#1f2933" },
  container: { backgroundColor: "#ffffff", margin: "24px auto", padding: "24px 32px", maxWidth: "560px" },
  brand: { fontSize: "14px", fontWeight: 700, letterSpacing: "0.04em", color: "#3b5b7a" },
  heading: { fontSize: "22px", lineHeight: "28px", margin: "16px 0" },
  paragraph: { fontSize: "15px", lineHeight: "22px" },
  button: {
    backgroundColor: "#3b5b7a",
    color: "#ffffff",
    borderRadius: "6px",
    padding: "12px 20px",
    fontSize: "15px",
    textDecoration: "none",
  },
  fallback: { fontSize: "13px", lineHeight: "20px", color: "#52606d", wordBreak: "break-all" },
  footer: { fontSize: "12px", lineHeight: "18px", color: "#7b8794" },
} satisfies Record<string, CSSProperties>;

/** The frame every email shares: product name, heading, content, and the short footer. */
export function layout(
  options: { preview: string; heading: string; footer?: string },
  ...content: ReactNode[]
): ReactElement {
  return h(
    Html,
    { lang: "en" },
    h(Head, null),
    h(Preview, null, options.preview),
    h(
      Body,
      { style: styles.body },
      h(
        Container,
        { style: styles.container },
        h(Text, { style: styles.brand }, PRODUCT_NAME),
        h(Heading, { as: "h1", style: styles.heading }, options.heading),
        ...content,
        h(Hr, null),
        h(Text, { style: styles.footer }, options.footer ?? ACCOUNT_FOOTER),
      ),
    ),
  );
}

export function paragraph(...children: ReactNode[]): ReactElement {
  return h(Text, { style: styles.paragraph }, ...children);
}

export function strong(text: string): ReactElement {
  return h("strong", null, text);
}

/**
 * react-email's plain-text conversion drops elements carrying this attribute. A `data-*` key is
 * fine in JSX but not in a props object literal, hence the separate object.
 */
const SKIP_IN_TEXT: Record<`data-${string}`, string> = { "data-skip-in-text": "true" };

/**
 * A button, and the address spelled out beneath it for clients that hide buttons. The plain-text
 * part already shows the address after the button's label, so the spelled-out copy is HTML only.
 */
export function actionLink(href: string, label: string): ReactElement;
export function actionLink(href: string | undefined, label: string): ReactElement | null;
export function actionLink(href: string | undefined, label: string): ReactElement | null {
  if (href === undefined) return null;
  return h(
    "div",
    null,
    h(Button, { href, style: styles.button }, label),
    h(
      Text,
      { style: styles.fallback, ...SKIP_IN_TEXT },
      "Or copy this address into your browser: ",
      h(Link, { href, style: styles.fallback }, href),
    ),
  );
}

const timeFormat = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** We do not know the reader's time zone, so times are shown in UTC and say so. */
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** " on <time>" when the time is known, nothing otherwise. */
export function onTime(iso: string | undefined): ReactNode[] {
  return iso === undefined ? [] : [" on ", strong(formatTime(iso))];
}
