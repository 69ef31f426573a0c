import { formatStatementProblem } from "@domain/import/statement-error";
import { Alert } from "../../ui/alert";
import { ErrorNotice } from "../practice/feedback";
import { StatementApiError } from "./statement-request";

type Problem = { line: number | null; message: string };

function problemsOf(error: unknown): { problems: Problem[]; truncated: boolean } | null {
  if (!(error instanceof StatementApiError) || error.code !== "statement_invalid") return null;
  const details = error.details as { problems?: Problem[]; truncated?: boolean } | undefined;
  return { problems: details?.problems ?? [], truncated: details?.truncated === true };
}

/** The problems of a file, each with its line: nothing was (or would be) imported. */
export function ProblemList(props: {
  title: string;
  problems: Problem[];
  truncated: boolean;
  intro?: string;
}) {
  const { title, problems, truncated, intro } = props;
  return (
    <Alert tone="error" title={title}>
      {intro ? <p>{intro}</p> : null}
      {problems.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {problems.map((p) => (
            <li key={`${p.line}-${p.message}`}>{formatStatementProblem(p)}</li>
          ))}
        </ul>
      ) : null}
      {truncated ? (
        <p className="mt-1">
          Stopped after {problems.length} problems; the rest of the file was not checked.
        </p>
      ) : null}
    </Alert>
  );
}

/**
 * An error of a preview or an import. A file the server could not read lists each problem with
 * its line; anything else is said in one sentence.
 */
export function ImportError({ error, committing }: { error: unknown; committing: boolean }) {
  const file = problemsOf(error);
  if (!file) return <ErrorNotice error={error} />;
  const first = (error as StatementApiError).message.split("\n")[0] ?? "";
  return (
    <ProblemList
      title={committing ? "Nothing was imported" : "This file cannot be imported as it is"}
      intro={
        file.problems.length > 0
          ? "Fix these lines in the file, or choose other columns, then try again."
          : first
      }
      problems={file.problems}
      truncated={file.truncated}
    />
  );
}
