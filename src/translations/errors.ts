// The refusal of a translated XLIFF file that does not match the record: typed, naming the unit (its
// field is `unit:<unit id>`, or `xliff` for the whole file), every offending unit listed in its issues.
// Nothing of the file is written when it is refused.
import { ValidationError, type CodedIssue, type IssueCode } from '../errors';

export class TranslationFileError extends ValidationError {
  /** The first offending unit, or null when the file as a whole is refused. */
  readonly unitId: string | null;
  constructor(problems: { unitId: string | null; code: IssueCode; message: string }[]) {
    const issues: CodedIssue[] = problems.map((p) => ({
      field: p.unitId ? `unit:${p.unitId}` : 'xliff',
      message: p.message,
      code: p.code,
      params: { unit: p.unitId ?? '' },
    }));
    const first = issues[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    super(first.field, `${first.field}: ${first.message}${more}`, issues);
    this.unitId = problems[0]!.unitId;
  }
}

export const fileError = (code: IssueCode, message: string) => new TranslationFileError([{ unitId: null, code, message }]);
