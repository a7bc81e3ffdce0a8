// The CSV reading shared by the imports (staff lists, the network's tree): pasted from a spreadsheet,
// separator found from the header, RFC 4180 quotes.

/** The separator used most in the header line (outside quotes); `;` wins ties, as French Excel writes it. */
export function detectDelimiter(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export interface CsvRecord {
  /** Line where the record starts (a quoted field may span several lines). */
  line: number;
  fields: string[];
}

/** RFC 4180, leniently: CRLF, LF or CR line ends; spaces before an opening quote are dropped. */
export function readRecords(text: string, delimiter: string): { records: CsvRecord[]; unclosedQuoteLine?: number } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  // Kept as a flag: looking into `field` at each quote would flatten the growing string, costing O(n²).
  let fieldBlank = true;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const isLineEnd = c === '\n' || c === '\r';
    if (isLineEnd && text[i + 1] === '\n' && c === '\r') i++;
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else {
        field += isLineEnd ? '\n' : c;
        if (isLineEnd) line++;
      }
    } else if (c === '"' && fieldBlank) {
      field = '';
      fieldBlank = false;
      inQuotes = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      fieldBlank = true;
    } else if (isLineEnd) {
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      fieldBlank = true;
      line++;
      recordLine = line;
    } else {
      field += c;
      if (c !== ' ' && c !== '\t') fieldBlank = false;
    }
  }
  if (inQuotes) return { records, unclosedQuoteLine: recordLine };
  if (field !== '' || fields.length > 0) records.push({ line: recordLine, fields: [...fields, field] });
  return { records };
}
