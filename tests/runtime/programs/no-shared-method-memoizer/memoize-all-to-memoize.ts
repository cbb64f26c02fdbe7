// @fix suggestion
// @fix-options experimentalDecorators
// @ts-nocheck -- legacy decorators: the harness compiles this program with experimentalDecorators,
// which the repository's tsconfig (standard decorators) does not enable.
// lodash-decorators `@MemoizeAll` memoizes on the prototype: one cache for every Report. The
// results reference their Report, so all of them stay in memory; `@Memoize` caches per instance.
import { MemoizeAll } from 'lodash-decorators';

class Report {
  readonly rows: number[];
  constructor(readonly id: number) {
    this.rows = new Array(2000).fill(id);
  }

  @MemoizeAll()
  summary(page: number): { report: Report; text: string } {
    return { report: this, text: `report ${this.id} page ${page}: ${this.rows.length} rows` };
  }
}

export function run(track: (instance: object) => void): string[] {
  const out: string[] = [];
  for (let i = 0; i < 150; i += 1) {
    const report = new Report(i);
    track(report);
    const first = report.summary(i);
    out.push(first.text, String(first === report.summary(i)));
  }
  return out;
}
