/**
 * A strict RFC 4180 reader for the tests (csv-parse is not installed): records end with CRLF, and
 * anything a conforming writer would not produce — a bare CR or LF, a stray quote — throws.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      at += 1;
      for (;;) {
        const close = text.indexOf('"', at);
        if (close === -1) throw new Error(`unterminated quoted field from ${at}`);
        field += text.slice(at, close);
        at = close + 1;
        if (text[at] !== '"') break;
        field += '"';
        at += 1;
      }
    } else {
      const start = at;
      while (at < text.length && text[at] !== delimiter && text[at] !== '\r' && text[at] !== '\n') {
        if (text[at] === '"') throw new Error(`quote inside an unquoted field at ${at}`);
        at += 1;
      }
      field = text.slice(start, at);
    }
    record.push(field);
    if (text[at] === delimiter) {
      at += 1;
      if (at === text.length) record.push('');
    } else if (text.startsWith('\r\n', at)) {
      records.push(record);
      record = [];
      at += 2;
    } else if (at < text.length) {
      throw new Error(`unexpected ${JSON.stringify(text[at])} at ${at}`);
    }
  }
  if (record.length > 0) records.push(record);
  return records;
}
