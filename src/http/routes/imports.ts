import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { type CsvMapping, csvMappingSchema } from "../../domain/import/csv-mapping.js";
import { listBatches } from "../../services/imports/batches.js";
import { commitImport } from "../../services/imports/commit.js";
import { requireImportAccount, requirePracticeAccount } from "../../services/imports/ledger-context.js";
import type { ImportRequest } from "../../services/imports/open-import.js";
import { previewImport } from "../../services/imports/preview.js";
import { undoImport } from "../../services/imports/undo.js";
import { MAX_STATEMENT_BYTES, readUpload, tooLarge } from "../../services/imports/upload.js";
import { guardText } from "../../services/ledger/privacy-guard.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { ApiError } from "../errors.js";
import { isStatementUpload } from "../middleware/body-limits.js";
import { answerWithProgress, NDJSON } from "../ndjson.js";
import { errorResponses, jsonResponse, PracticeParams } from "../schemas.js";
import {
  AccountParams,
  BatchParams,
  BatchSchema,
  CommitSchema,
  HistoryQuery,
  PreviewSchema,
  UndoQuery,
  UndoSchema,
  UPLOAD_DESCRIPTION,
  UploadQuery,
} from "./import-schemas.js";

const tags = ["imports"];
const access = { access: "practice", permission: "imports.manage" } as const;
const base = "/practices/{practiceId}/accounts/{accountId}/imports";

function progressResponse<T extends z.ZodType>(schema: T, description: string) {
  return {
    description,
    content: {
      "application/json": { schema },
      [NDJSON]: {
        schema: z.string().openapi({ description: "Progress lines, then the result (see above)" }),
      },
    },
  };
}

const uploadErrors = {
  409: { description: "The account is archived, or a row to import is in a closed year (period_closed)" },
  415: { description: "The body is not application/octet-stream" },
  422: { description: "The file cannot be read: statement_invalid, with each problem's line" },
};

const previewRoute = defineRoute({
  method: "post",
  path: `${base}/preview`,
  tags,
  summary: "Preview a statement import: columns, each row's fate, totals; writes nothing",
  description: UPLOAD_DESCRIPTION,
  "x-access": access,
  request: { params: AccountParams, query: UploadQuery },
  responses: {
    200: progressResponse(z.object({ preview: PreviewSchema }), "What the import would do"),
    ...uploadErrors,
    ...errorResponses(),
  },
});

const commitRoute = defineRoute({
  method: "post",
  path: base,
  tags,
  summary: "Import a statement, all or nothing; remembers the CSV columns for the account",
  description: UPLOAD_DESCRIPTION,
  "x-access": access,
  request: { params: AccountParams, query: UploadQuery },
  responses: {
    201: progressResponse(
      CommitSchema,
      "Imported (streamed answers are 200 with the result line's status 201)",
    ),
    200: { description: "With Accept: application/x-ndjson: the stream of progress lines and the result" },
    ...uploadErrors,
    ...errorResponses(),
  },
});

const accountHistoryRoute = defineRoute({
  method: "get",
  path: base,
  tags,
  summary: "The account's imports, newest first: file, counts, who, when, undone",
  "x-access": access,
  request: { params: AccountParams, query: HistoryQuery },
  responses: {
    200: jsonResponse(z.object({ imports: z.array(BatchSchema) }), "Imports"),
    ...errorResponses(),
  },
});

const practiceHistoryRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/imports",
  tags,
  summary: "Every import of the practice, newest first",
  "x-access": access,
  request: { params: PracticeParams, query: HistoryQuery },
  responses: {
    200: jsonResponse(z.object({ imports: z.array(BatchSchema) }), "Imports"),
    ...errorResponses(),
  },
});

const undoRoute = defineRoute({
  method: "delete",
  path: `${base}/{batchId}`,
  tags,
  summary: "Undo an import: remove exactly its transactions (409 listing any changed by hand since)",
  "x-access": access,
  request: { params: BatchParams, query: UndoQuery },
  responses: {
    200: jsonResponse(UndoSchema, "Undone"),
    404: { description: "No such import" },
    409: { description: "Already undone, edited transactions (listed), or a closed year" },
    ...errorResponses(),
  },
});

/** The CsvMapping JSON of the query, validated (400 naming what is wrong). */
function mappingOf(text: string | undefined): CsvMapping | null {
  if (text === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "validation_failed", "Some fields are missing or invalid.", [
      { path: "mapping", message: "The mapping is not valid JSON." },
    ]);
  }
  const parsed = csvMappingSchema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError(
      400,
      "validation_failed",
      "Some fields are missing or invalid.",
      parsed.error.issues.map((i) => ({ path: ["mapping", ...i.path].join("."), message: i.message })),
    );
  }
  return parsed.data;
}

type Query = z.infer<typeof UploadQuery>;

/** Checks the upload's framing before anything is read: its content type and declared length. */
function requireStatementBody(c: Context<AppEnv>): void {
  if (!isStatementUpload(c)) {
    throw new ApiError(
      415,
      "unsupported_media_type",
      "Send the statement file's bytes as the request body, with Content-Type: application/octet-stream.",
    );
  }
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > MAX_STATEMENT_BYTES) throw tooLarge();
}

/** What the handlers check before any work: the mapping's JSON, the body's framing, the account. */
async function requireUploadable(
  c: Context<AppEnv>,
  accountId: string,
  query: Query,
): Promise<CsvMapping | null> {
  const mapping = mappingOf(query.mapping);
  requireStatementBody(c);
  await requireImportAccount(c.get("deps").database.db, c.get("membership").practiceId, accountId);
  return mapping;
}

async function importRequest(
  c: Context<AppEnv>,
  accountId: string,
  query: Query,
  mapping: CsvMapping | null,
): Promise<ImportRequest> {
  return {
    accountId,
    upload: await readUpload(c.req.raw.body, guardText(query.fileName)),
    mapping,
    choices: {
      includeProbableDuplicates: query.includeProbableDuplicates === "true",
      includeLines: new Set((query.includeLines ?? "").split(",").filter(Boolean).map(Number)),
    },
  };
}

export function importRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(previewRoute, async (c) => {
    const { practiceId } = c.get("membership");
    const { accountId } = c.req.valid("param");
    const query = c.req.valid("query");
    const mapping = await requireUploadable(c, accountId, query);
    return answerWithProgress(c, async (progress) => {
      const request = await importRequest(c, accountId, query, mapping);
      const preview = await previewImport(c.get("deps").database.db, practiceId, request, progress);
      return { status: 200, body: { preview } };
    });
  });
  app.openapi(commitRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const { accountId } = c.req.valid("param");
    const query = c.req.valid("query");
    const mapping = await requireUploadable(c, accountId, query);
    return answerWithProgress(c, async (progress) => {
      const request = await importRequest(c, accountId, query, mapping);
      const result = await commitImport(c.get("deps").database.db, { practiceId, userId }, request, progress);
      c.get("log").info(
        { importBatchId: result.batch.id, rows: result.batch.rowCount, imported: result.batch.importedCount },
        "statement imported",
      );
      return {
        status: 201,
        body: { import: result.batch, totals: result.totals, mappingSaved: result.mappingSaved },
      };
    });
  });
  app.openapi(accountHistoryRoute, async (c) => {
    const { practiceId } = c.get("membership");
    const db = c.get("deps").database.db;
    // An archived account's history still shows; only new imports into it are refused.
    const account = await requirePracticeAccount(db, practiceId, c.req.valid("param").accountId);
    const imports = await listBatches(db, practiceId, {
      accountId: account.id,
      limit: c.req.valid("query").limit ?? 100,
    });
    return c.json({ imports }, 200);
  });
  app.openapi(practiceHistoryRoute, async (c) => {
    const { practiceId } = c.get("membership");
    const imports = await listBatches(c.get("deps").database.db, practiceId, {
      limit: c.req.valid("query").limit ?? 100,
    });
    return c.json({ imports }, 200);
  });
  app.openapi(undoRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const { accountId, batchId } = c.req.valid("param");
    const undo = await undoImport(
      c.get("deps").database.db,
      { practiceId, userId },
      { accountId, batchId, keepEdited: c.req.valid("query").keepEdited === "true" },
    );
    c.get("log").info({ importBatchId: batchId, removed: undo.removedCount }, "statement import undone");
    return c.json({ undo }, 200);
  });
  return app;
}
