export {
  type EmailTemplate,
  type EmailTemplateKind,
  emailTemplateSchema,
  INVITATION_TTL_DAYS,
  PASSWORD_RESET_TTL_MINUTES,
  type TemplateOf,
} from "./email-template.js";
export { ACCOUNT_FOOTER, PRODUCT_NAME } from "./layout.js";
