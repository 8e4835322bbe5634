/** Reading Electronegativity's CSV: it exits 0 whatever it finds, so the CSV decides. */
import { describe, expect, it } from 'vitest';
import { blockingFindings, parseFindings } from '../../scripts/electronegativity';

const CSV = `issue, severity, confidence, filename, location, sample, description, url
CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","4:0","default-src 'self'","One or more CSP directives detected seems to be vulnerable",https://example.invalid
NODE_INTEGRATION_JS_CHECK,"INFORMATIONAL","FIRM","main/index.js","1:1","x","y",https://example.invalid
PRELOAD_JS_CHECK,"MEDIUM","FIRM","main/index.js","174:3","preload: join(a, ""b"")","Review the use of preload scripts",https://example.invalid
CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/index.js","20:3","contextIsolation: false","Review the use of the contextIsolation option",https://example.invalid
`;

describe('electronegativity findings', () => {
  it('reads every row of the CSV, quotes and doubled quotes included', () => {
    const findings = parseFindings(CSV);
    expect(findings.map((finding) => finding.issue)).toEqual([
      'CSP_GLOBAL_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
      'PRELOAD_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
    ]);
    expect(findings[2]?.sample).toBe('preload: join(a, "b")');
  });

  it('blocks findings above LOW unless their check was reviewed', () => {
    const findings = parseFindings(CSV);
    expect(blockingFindings(findings, {}).map((finding) => finding.issue)).toEqual([
      'PRELOAD_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
    ]);
    expect(blockingFindings(findings).map((finding) => finding.issue)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
    ]);
  });

  it('finds nothing in a report without findings', () => {
    expect(
      parseFindings('issue, severity, confidence, filename, location, sample, description, url\n'),
    ).toEqual([]);
  });
});
