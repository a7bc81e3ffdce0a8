import type { Response } from 'express';
import { allowInline } from '../http/allow-inline.ts';

/**
 * The quiz's answer is the result page itself, one round trip instead of two on a slow link (decision 016,
 * point 9, section of 2026-12-01). This script, the only one on a learner's page, then gives the page the
 * address of its attempt: a reload or « back » asks for that address again instead of the browser
 * offering to send the answers again. Without scripts, a resubmission names the attempt it answered
 * (`_attempt`) and, with the same answers, shows that attempt's result instead of recording another.
 */
export const replaceAddressScript = "history.replaceState(null,'',document.currentScript.dataset.address)";

/**
 * Lets this response carry the script, by its hash, and names the address the page stands for
 * (`Content-Location`); returns what the result view needs to write the script.
 */
export function replaceAddress(res: Response, address: string): { address: string; script: string } {
  allowInline(res, 'script-src', replaceAddressScript);
  res.setHeader('Content-Location', address);
  return { address, script: replaceAddressScript };
}
